import type { Db } from '../../db/database.js';
import type { Actor } from '../../access/actor.js';
import type { ImportDraft } from '../../domain/imports/row-draft.js';
import { duplicateReasons, duplicateScore, nameKey, nameSkeleton, type DuplicateReason } from '../../domain/duplicates/duplicate-score.js';
import { isContactVisible } from '../../access/actor-access.js';
import { hidesRestrictedDetails } from '../../access/restricted-details.js';
import * as dupRepo from '../duplicates/duplicates.repository.js';
import { refreshMatchKeys } from '../duplicates/match-keys.repository.js';
import { toCandidate } from '../duplicates/duplicates.service.js';
import type { DuplicateCandidateDto } from '../duplicates/duplicates.schemas.js';
import { HIDDEN_MATCH_REASON, isDetailReason, withoutDetailReasons } from '../duplicates/restricted-matches.js';

/** A score from which an existing contact is shown as a possible duplicate needing a decision. */
const DUPLICATE_SCORE = 0.5;
const MAX_CANDIDATES = 5;
/** A name key shared by more contacts than this (a very common name) is no evidence on its own. */
const MAX_NAME_MATCHES = 20;

/**
 * Restricted contacts that share a phone or email with the row. Stored with the row's match reasons (the import row
 * has no column of its own for it) and taken out of them again by toRowDto. `withheld`: the actor who previewed may not
 * see restricted details, so the row names none of them and `contactIds` is empty; otherwise `contactIds` lists them,
 * so that a reader who may not see them can be shown the row without them.
 */
export interface RestrictedMatchNote {
  code: typeof HIDDEN_MATCH_REASON;
  count: number;
  withheld: boolean;
  contactIds: string[];
}

export const isRestrictedMatchNote = (value: unknown): value is RestrictedMatchNote =>
  typeof value === 'object' && value !== null && (value as { code?: unknown }).code === HIDDEN_MATCH_REASON;

export interface RowMatch {
  outcome: 'create' | 'update' | 'duplicate';
  matchedContactId: string | null;
  /** The matched contact's reasons, followed by a RestrictedMatchNote when restricted contacts matched on details. */
  matchReasons: (DuplicateReason | RestrictedMatchNote)[];
  candidates: DuplicateCandidateDto[];
  duplicateOfRow: number | null;
}

const shareGovernorate = (a: readonly string[], b: readonly string[]) => a.some((g) => b.includes(g));

/**
 * Decides for each valid row whether it creates a contact, updates the one existing contact it clearly is (same
 * phone or email, or same name key, kind and governorate), or is a possible duplicate of existing contacts or of an
 * earlier row of the same file. All lookups are a few set queries for the whole file, not one per row.
 *
 * For an actor who may not see restricted details, a restricted contact sharing the row's phone or email is never
 * named: it counts in the row's RestrictedMatchNote, and such a row is a 'duplicate' left for a coordinator (skipped
 * unless decided otherwise) rather than an update of any contact. The contact may still be offered by its name, when
 * the name alone finds it, without the phone and email reasons.
 */
export async function matchRows(db: Db, actor: Actor, rows: { row: number; draft: ImportDraft }[]): Promise<Map<number, RowMatch>> {
  await refreshMatchKeys(db);
  const phones = [...new Set(rows.flatMap((r) => r.draft.phones))];
  const emails = [...new Set(rows.flatMap((r) => r.draft.emails))];
  const keys = rows.map((r) => ({ key: nameKey(r.draft.name), skeleton: nameSkeleton(r.draft.name) }));
  const [byContact, byName] = await Promise.all([
    dupRepo.findByPhonesOrEmails(db, phones, emails),
    dupRepo.findByNameKeys(
      db,
      [...new Set(keys.map((k) => k.key).filter(Boolean))],
      [...new Set(keys.map((k) => k.skeleton).filter(Boolean))],
    ),
  ]);
  const idsByPhone = new Map<string, string[]>();
  const idsByEmail = new Map<string, string[]>();
  for (const c of byContact) {
    for (const p of c.phones) idsByPhone.set(p, [...(idsByPhone.get(p) ?? []), c.id]);
    for (const e of c.emails) idsByEmail.set(e, [...(idsByEmail.get(e) ?? []), c.id]);
  }
  const idsByKey = new Map<string, string[]>();
  const idsBySkeleton = new Map<string, string[]>();
  for (const k of byName) {
    idsByKey.set(k.name_key, [...(idsByKey.get(k.name_key) ?? []), k.contact_id]);
    idsBySkeleton.set(k.name_skeleton, [...(idsBySkeleton.get(k.name_skeleton) ?? []), k.contact_id]);
  }
  const capped = (ids: string[] | undefined) => (ids && ids.length <= MAX_NAME_MATCHES ? ids : []);
  const byKey = rows.map((r, i) => new Set(capped(idsByKey.get(keys[i].key))));
  const bySkeleton = rows.map((r, i) => new Set(capped(idsBySkeleton.get(keys[i].skeleton))));
  // Skeleton matches count only within a governorate (that is the reason's meaning); the others are dropped before
  // scoring, which spares the costly word-by-word name comparison for thousands of unrelated namesakes.
  const skeletonOnly = rows.map((r, i) => new Set(capped(idsBySkeleton.get(keys[i].skeleton))));
  const candidateIds = rows.map((r, i) => {
    const direct = new Set([
      ...r.draft.phones.flatMap((p) => idsByPhone.get(p) ?? []),
      ...r.draft.emails.flatMap((e) => idsByEmail.get(e) ?? []),
      ...capped(idsByKey.get(keys[i].key)),
    ]);
    for (const id of direct) skeletonOnly[i].delete(id);
    return [...direct, ...skeletonOnly[i]];
  });
  const contacts = new Map(
    (await dupRepo.findDuplicateContacts(db, candidateIds.flat()))
      .filter((c) => isContactVisible(actor, c.governorates))
      .map((c) => [c.id, c]),
  );

  const earlierByPhone = new Map<string, number>();
  const earlierByEmail = new Map<string, number>();
  const earlierByName = new Map<string, number>();
  const result = new Map<number, RowMatch>();
  rows.forEach(({ row, draft }, i) => {
    const restricted: string[] = [];
    let withheld = 0;
    const scored = candidateIds[i].flatMap((id) => {
      const c = contacts.get(id);
      if (!c || (skeletonOnly[i].has(id) && !shareGovernorate(c.governorates, draft.governorates))) return [];
      let reasons = duplicateReasons(draft, { ...c, nameLatin: c.name_latin });
      if (c.sensitivity === 'restricted' && reasons.some(isDetailReason)) restricted.push(c.id);
      if (hidesRestrictedDetails(actor, c)) {
        if (reasons.some(isDetailReason)) withheld += 1;
        const foundByName = byKey[i].has(id) || (bySkeleton[i].has(id) && shareGovernorate(c.governorates, draft.governorates));
        reasons = foundByName ? withoutDetailReasons(reasons) : [];
      }
      return reasons.length ? [{ c, reasons, score: duplicateScore(reasons, c.kind === draft.kind) }] : [];
    });
    scored.sort((a, b) => b.score - a.score);
    // Only a shared phone or email identifies a person; the same name in the same governorate may be a namesake
    // (four-part names repeat within tribes), so it is offered as a possible duplicate for someone to decide.
    const strong = scored.filter((s) => s.reasons.some(isDetailReason));
    // A withheld match would have made the choice ambiguous too: the row waits for a coordinator's decision.
    const clear = strong.length === 1 && withheld === 0 ? strong[0] : undefined;
    const possible = scored.filter((s) => s.score >= DUPLICATE_SCORE);
    const note: RestrictedMatchNote[] = restricted.length
      ? [{ code: HIDDEN_MATCH_REASON, count: restricted.length, withheld: withheld > 0, contactIds: withheld > 0 ? [] : restricted }]
      : [];

    const nameKeys = draft.governorates.map((g) => `${keys[i].key}|${g}`);
    const earlier =
      draft.phones.map((p) => earlierByPhone.get(p)).find((r) => r !== undefined) ??
      draft.emails.map((e) => earlierByEmail.get(e)).find((r) => r !== undefined) ??
      nameKeys.map((k) => earlierByName.get(k)).find((r) => r !== undefined);
    for (const p of draft.phones) if (!earlierByPhone.has(p)) earlierByPhone.set(p, row);
    for (const e of draft.emails) if (!earlierByEmail.has(e)) earlierByEmail.set(e, row);
    for (const k of nameKeys) if (!earlierByName.has(k)) earlierByName.set(k, row);

    const candidates = possible.slice(0, MAX_CANDIDATES).map((s) => toCandidate(s.c, s.score, s.reasons));
    if (earlier !== undefined) {
      result.set(row, {
        outcome: 'duplicate',
        matchedContactId: clear?.c.id ?? null,
        matchReasons: [...(clear?.reasons ?? []), ...note],
        candidates,
        duplicateOfRow: earlier,
      });
    } else if (clear) {
      result.set(row, {
        outcome: 'update',
        matchedContactId: clear.c.id,
        matchReasons: [...clear.reasons, ...note],
        candidates: [],
        duplicateOfRow: null,
      });
    } else if (possible.length || withheld > 0) {
      result.set(row, { outcome: 'duplicate', matchedContactId: null, matchReasons: note, candidates, duplicateOfRow: null });
    } else {
      result.set(row, { outcome: 'create', matchedContactId: null, matchReasons: note, candidates: [], duplicateOfRow: null });
    }
  });
  return result;
}
