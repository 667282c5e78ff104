import type { Db } from '../../db/database.js';
import type { Actor } from '../../access/actor.js';
import { hidesRestrictedDetails } from '../../access/restricted-details.js';
import { normalizePhone } from '../../domain/phone.js';
import { duplicateReasons, duplicateScore, type DuplicateReason } from '../../domain/duplicates/duplicate-score.js';
import { invalid } from '../../errors.js';
import { recordAudit } from '../audit/audit.repository.js';
import { assertMayWriteContacts, isContactVisible } from '../../access/actor-access.js';
import { loadVisibleRefs } from '../../access/contact-access.js';
import { rankedMatches } from '../search/search.service.js';
import * as repo from './duplicates.repository.js';
import { refreshMatchKeys } from './match-keys.repository.js';
import { hiddenMatches, isDetailReason, withoutDetailReasons } from './restricted-matches.js';
import type { CheckDuplicatesInput, DuplicateCandidateDto, DuplicateContactDto, ListDuplicatesFilter } from './duplicates.schemas.js';

/** Groups above this size are not turned into pairs (see duplicateGroups). */
const MAX_GROUP = 20;
const CHECK_MIN_SCORE = 0.4;
const CHECK_LIMIT = 10;
/** Names the directory search ranks highest for a draft's name, compared in full for check-duplicates. */
const CHECK_NAME_CANDIDATES = 30;

export function toDuplicateContact(row: repo.DuplicateContactRow, actor: Actor): DuplicateContactDto {
  const hidden = hidesRestrictedDetails(actor, row);
  return {
    id: row.id,
    name: row.name,
    nameLatin: row.name_latin,
    kind: row.kind,
    governorates: row.governorates,
    ...(hidden ? {} : { phones: row.phones, emails: row.emails }),
    detailsHidden: hidden,
    sensitivity: row.sensitivity,
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** Every likely duplicate pair the actor may see, scored, best first; dismissed pairs left out. */
export async function listDuplicates(db: Db, actor: Actor, filter: ListDuplicatesFilter) {
  assertMayWriteContacts(actor);
  await refreshMatchKeys(db);
  const groups = await repo.duplicateGroups(db, MAX_GROUP);
  const pairs = new Set<string>();
  /** Pairs a name group found: the ones that may still be shown by name when their phone or email match is withheld. */
  const nameGrouped = new Set<string>();
  for (const { reason, ids } of groups) {
    const named = reason === 'name_key' || reason === 'skeleton';
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        if (ids[i] === ids[j]) continue;
        const key = repo.pairKey(ids[i], ids[j]);
        pairs.add(key);
        if (named) nameGrouped.add(key);
      }
    }
  }
  const dismissed = await repo.dismissedPairs(db);
  const contacts = new Map(
    (
      await repo.findDuplicateContacts(
        db,
        [...pairs].flatMap((p) => p.split('|')),
      )
    ).map((c) => [c.id, c]),
  );
  const matchesFilter = (c: repo.DuplicateContactRow) =>
    (filter.kind === undefined || c.kind === filter.kind) &&
    (filter.governorate === undefined || c.governorates.includes(filter.governorate));

  const scored = [];
  let hidden = 0;
  for (const pair of pairs) {
    if (dismissed.has(pair)) continue;
    const [a, b] = pair.split('|').map((id) => contacts.get(id));
    if (!a || !b || !isContactVisible(actor, a.governorates) || !isContactVisible(actor, b.governorates)) continue;
    if (!matchesFilter(a) && !matchesFilter(b)) continue;
    let reasons = duplicateReasons({ ...a, nameLatin: a.name_latin }, { ...b, nameLatin: b.name_latin });
    if ((hidesRestrictedDetails(actor, a) || hidesRestrictedDetails(actor, b)) && reasons.some(isDetailReason)) {
      if (duplicateScore(reasons, a.kind === b.kind) >= filter.minScore) hidden += 1;
      reasons = nameGrouped.has(pair) ? withoutDetailReasons(reasons) : [];
    }
    const score = duplicateScore(reasons, a.kind === b.kind);
    if (reasons.length === 0 || score < filter.minScore) continue;
    const [first, second] = byName(a, b) <= 0 ? [a, b] : [b, a];
    scored.push({ a: first, b: second, score, reasons });
  }
  scored.sort((x, y) => y.score - x.score || byName(x.a, y.a) || byName(x.b, y.b));
  return {
    items: scored.slice(filter.offset, filter.offset + filter.limit).map((p) => ({
      a: toDuplicateContact(p.a, actor),
      b: toDuplicateContact(p.b, actor),
      score: p.score,
      reasons: p.reasons,
    })),
    total: scored.length,
    limit: filter.limit,
    offset: filter.offset,
    hiddenMatches: hiddenMatches(hidden),
  };
}

export async function dismissPair(db: Db, actor: Actor, contactIds: string[]): Promise<void> {
  assertMayWriteContacts(actor);
  const [a, b] = contactIds as [string, string];
  if (a === b) throw invalid([{ field: 'contactIds', code: 'same', message: 'a contact is not a duplicate of itself' }]);
  await db.transaction().execute(async (trx) => {
    await loadVisibleRefs(trx, actor, [a, b], true);
    if (await repo.insertDismissal(trx, a, b, actor.id)) {
      await recordAudit(trx, {
        userId: actor.id,
        action: 'dismiss',
        entityType: 'duplicate',
        entityId: a,
        details: { contactIds: [a, b] },
      });
    }
  });
}

export function toCandidate(row: repo.DuplicateContactRow, score: number, reasons: DuplicateReason[]): DuplicateCandidateDto {
  return { contactId: row.id, name: row.name, kind: row.kind, governorates: row.governorates, score, reasons };
}

/**
 * Likely duplicates of a contact being typed in: shared phone or email, or a name the directory search finds close.
 * A restricted contact sharing a phone or email is only counted in hiddenMatches for roles that may not see its
 * details; it is listed only when its name alone finds it, and then without the phone and email reasons.
 */
export async function checkDuplicates(db: Db, actor: Actor, input: CheckDuplicatesInput) {
  assertMayWriteContacts(actor);
  const phones = (input.phones ?? []).flatMap((p) => {
    const result = normalizePhone(p);
    return result.ok ? [result.e164] : [];
  });
  const emails = (input.emails ?? []).map((e) => e.trim().toLowerCase());
  const byContact = await repo.findByPhonesOrEmails(db, phones, emails);
  const named = (await rankedMatches(db, actor, input.name, {})).slice(0, CHECK_NAME_CANDIDATES);
  const ids = [...new Set([...byContact.map((c) => c.id), ...named.map((m) => m.row.id)])].filter((id) => id !== input.excludeId);
  const draft = {
    name: input.name,
    nameLatin: input.nameLatin ?? null,
    governorates: input.governorates ?? [],
    phones,
    emails,
  };
  const foundByName = new Set(named.map((m) => m.row.id));
  let hidden = 0;
  const items = (await repo.findDuplicateContacts(db, ids))
    .filter((c) => isContactVisible(actor, c.governorates))
    .flatMap((c) => {
      let reasons = duplicateReasons(draft, { ...c, nameLatin: c.name_latin });
      if (hidesRestrictedDetails(actor, c)) {
        if (reasons.some(isDetailReason)) hidden += 1;
        reasons = foundByName.has(c.id) ? withoutDetailReasons(reasons) : [];
      }
      return reasons.length ? [toCandidate(c, duplicateScore(reasons, input.kind === undefined || input.kind === c.kind), reasons)] : [];
    })
    .filter((c) => c.score >= CHECK_MIN_SCORE)
    .sort((x, y) => y.score - x.score || byName(x, y))
    .slice(0, CHECK_LIMIT);
  return { items, hiddenMatches: hiddenMatches(hidden) };
}
