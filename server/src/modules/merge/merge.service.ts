import type { Db } from '../../db/database.js';
import type { Actor } from '../../access/actor.js';
import { assertMayWriteContacts } from '../../access/actor-access.js';
import { hidesRestrictedDetails } from '../../access/restricted-details.js';
import { isPersonKind } from '../../domain/contact-kinds.js';
import { conflict, forbidden, invalid, notFound, type FieldError } from '../../errors.js';
import { recordAudit } from '../audit/audit.repository.js';
import * as contacts from '../contacts/contacts.repository.js';
import { isContactVisible } from '../../access/actor-access.js';
import { toDraft, toDto } from '../contacts/contacts.service.js';
import { activeFieldDefs } from '../custom-fields/custom-fields.service.js';
import type { CustomValues } from '../../domain/custom-fields.js';
import { toContactValues, type ContactDraft } from '../contacts/contact-values.js';
import { nameWords, searchColumns } from '../search/search-columns.js';
import { addVocabulary } from '../search/search.repository.js';
import * as repo from './merge.repository.js';
import { keepMergeForUndo, snapshotContacts } from '../trash/trash-capture.js';
import { MERGE_FIELDS, type MergeCounts, type MergeInput } from './merge.schemas.js';

/** Which of two invitations of one person to one event to keep: the one that got further. */
const STATUS_RANK: Record<string, number> = {
  attended: 6,
  no_show: 5,
  confirmed: 4,
  declined: 3,
  invited: 2,
  proposed: 1,
  cancelled: 0,
};

const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || (typeof v === 'object' && Object.keys(v).length === 0);
const union = (lists: (readonly string[] | undefined)[]) => [...new Set(lists.flatMap((l) => l ?? []))];

function checkInput(input: MergeInput) {
  const errors: FieldError[] = [];
  const ids = [input.survivorId, ...input.mergedIds];
  if (input.mergedIds.includes(input.survivorId)) {
    errors.push({ field: 'mergedIds', code: 'survivor', message: 'must not contain the surviving contact' });
  }
  for (const id of ids) {
    if (input.versions[id] === undefined)
      errors.push({ field: `versions.${id}`, code: 'required', message: 'the version you saw is needed' });
  }
  for (const [field, id] of Object.entries(input.fields ?? {})) {
    if (id && !ids.includes(id))
      errors.push({ field: `fields.${field}`, code: 'not_involved', message: 'must be one of the contacts merged' });
  }
  if (errors.length) throw invalid(errors);
}

/** The survivor's values, with the chosen contact's value per field, empty ones filled from the others, lists united. */
function mergedDraft(
  survivor: ContactDraft,
  others: ContactDraft[],
  chosen: Partial<Record<(typeof MERGE_FIELDS)[number], ContactDraft>>,
): ContactDraft {
  const draft: ContactDraft = { ...survivor };
  const fill = <K extends keyof ContactDraft>(field: K) => {
    if (isEmpty(draft[field])) draft[field] = others.map((o) => o[field]).find((v) => !isEmpty(v)) ?? draft[field];
  };
  if (chosen.kind) {
    draft.kind = chosen.kind.kind;
    draft.subtype = chosen.kind.subtype;
  }
  for (const field of ['name', 'nameLatin', 'nameKu', 'nameParts', 'subtype', 'gender', 'notes', 'source', 'consentNote'] as const) {
    const from = chosen[field];
    if (from) (draft as Record<string, unknown>)[field] = from[field];
    else if (field !== 'name' && field !== 'subtype') fill(field);
  }
  if (draft.kind !== 'organization') draft.subtype = null;
  else draft.subtype ??= 'other';
  if (!isPersonKind(draft.kind)) {
    draft.nameParts = null;
    draft.gender = null;
  }
  const all = [survivor, ...others];
  draft.governorates = union(all.map((d) => d.governorates));
  draft.phones = union(all.map((d) => d.phones)).slice(0, 10);
  draft.emails = union(all.map((d) => d.emails)).slice(0, 10);
  draft.tags = union(all.map((d) => d.tags)).slice(0, 30);
  // Never lowered by a choice: a chosen 'normal' only ever applies when no contact is restricted.
  draft.sensitivity = all.some((d) => d.sensitivity === 'restricted') ? 'restricted' : 'normal';
  return draft;
}

async function moveRelationships(trx: Db, survivor: string, merged: Set<string>) {
  const rows = await repo.relationshipsOf(trx, [survivor, ...merged]);
  const to = (id: string) => (merged.has(id) ? survivor : id);
  // The survivor's own relationships win over a merged contact's duplicate of them.
  const ordered = [...rows].sort(
    (a, b) =>
      Number(merged.has(a.from_contact_id) || merged.has(a.to_contact_id)) -
      Number(merged.has(b.from_contact_id) || merged.has(b.to_contact_id)),
  );
  const active = new Set<string>();
  const dropped: string[] = [];
  const repointed: { id: string; from: string; to: string }[] = [];
  for (const r of ordered) {
    const from = to(r.from_contact_id);
    const target = to(r.to_contact_id);
    if (from === target) {
      dropped.push(r.id);
      continue;
    }
    if (r.end_date === null) {
      const key = r.symmetric ? [r.type_id, ...[from, target].sort()].join('|') : [r.type_id, from, target].join('|');
      if (active.has(key)) {
        dropped.push(r.id);
        continue;
      }
      active.add(key);
    }
    if (from !== r.from_contact_id || target !== r.to_contact_id) repointed.push({ id: r.id, from, to: target });
  }
  await repo.deleteRelationships(trx, dropped);
  for (const r of repointed) await repo.repointRelationship(trx, r.id, r.from, r.to);
  return { moved: repointed.length, dropped: dropped.length };
}

/**
 * Invitations move to the survivor (as invitee or representative). Where the survivor would then be invited to one
 * event twice, or sit in the room twice, the invitation that got furthest stays; a representative who is now the
 * invitee itself is cleared.
 */
async function moveInvitations(trx: Db, survivor: string, merged: Set<string>) {
  const rows = await repo.invitationsOf(trx, [survivor, ...merged]);
  const to = (id: string) => (merged.has(id) ? survivor : id);
  const byEvent = new Map<string, repo.InvitationRow[]>();
  for (const r of rows) byEvent.set(r.event_id, [...(byEvent.get(r.event_id) ?? []), r]);
  const dropped: string[] = [];
  const updates: { id: string; contact: string; representative: string | null; clearsRepresentative: boolean }[] = [];
  for (const invitations of byEvent.values()) {
    invitations.sort(
      (a, b) =>
        (STATUS_RANK[b.status] ?? 0) - (STATUS_RANK[a.status] ?? 0) ||
        Number(b.contact_id === survivor) - Number(a.contact_id === survivor) ||
        a.created_at.getTime() - b.created_at.getTime(),
    );
    const invitees = new Set<string>();
    const attendees = new Set<string>();
    for (const inv of invitations) {
      const contact = to(inv.contact_id);
      let representative = inv.representative_id ? to(inv.representative_id) : null;
      if (representative === contact) representative = null;
      if (representative && attendees.has(representative)) representative = null;
      const attendee = representative ?? contact;
      if (invitees.has(contact) || attendees.has(attendee)) {
        dropped.push(inv.id);
        continue;
      }
      invitees.add(contact);
      attendees.add(attendee);
      if (contact !== inv.contact_id || representative !== inv.representative_id) {
        updates.push({
          id: inv.id,
          contact,
          representative,
          clearsRepresentative: representative === null && inv.representative_id !== null,
        });
      }
    }
  }
  await repo.deleteInvitations(trx, dropped);
  // Clearing representatives first frees the attendee slots the other updates take.
  updates.sort((a, b) => Number(b.clearsRepresentative) - Number(a.clearsRepresentative));
  for (const u of updates) await repo.repointInvitation(trx, u.id, u.contact, u.representative);
  return { moved: updates.length, dropped: dropped.length };
}

export async function mergeContacts(db: Db, actor: Actor, input: MergeInput) {
  assertMayWriteContacts(actor);
  checkInput(input);
  const survivorId = input.survivorId;
  const ids = [survivorId, ...input.mergedIds];
  return db.transaction().execute(async (trx) => {
    const rows = new Map<string, contacts.ContactRow>();
    for (const id of [...ids].sort()) {
      const row = await contacts.findContact(trx, id, true);
      if (!row || !isContactVisible(actor, row.governorates)) throw notFound('Contact');
      rows.set(id, row);
    }
    if ([...rows.values()].some((r) => hidesRestrictedDetails(actor, r))) {
      throw forbidden('Only a coordinator or an administrator can merge restricted contacts');
    }
    const stale = ids.filter((id) => rows.get(id)!.version !== input.versions[id]);
    if (stale.length) throw conflict('CONFLICT', 'Someone changed these contacts since you opened them; reload and try again');

    const drafts = new Map(ids.map((id) => [id, toDraft(rows.get(id)!)]));
    const chosen = Object.fromEntries(Object.entries(input.fields ?? {}).flatMap(([f, id]) => (id ? [[f, drafts.get(id)!]] : [])));
    const draft = mergedDraft(
      drafts.get(survivorId)!,
      input.mergedIds.map((id) => drafts.get(id)!),
      chosen,
    );
    const values = toContactValues(draft);

    const merged = new Set(input.mergedIds);
    const mergedList = [...merged];
    // Everything the merge is about to move, drop or delete, so it can be undone (modules/trash).
    const before = await snapshotContacts(trx, ids);
    const relationships = await moveRelationships(trx, survivorId, merged);
    const invitations = await moveInvitations(trx, survivorId, merged);
    const moved: MergeCounts = {
      positions: await repo.movePositions(trx, survivorId, mergedList),
      relationships: relationships.moved,
      relationshipsDropped: relationships.dropped,
      interactions: await repo.moveParticipants(trx, survivorId, mergedList),
      invitations: invitations.moved,
      invitationsDropped: invitations.dropped,
      groupFacilitators: await repo.moveFacilitators(trx, survivorId, mergedList),
      suggestionDismissals: await repo.moveSuggestionDismissals(trx, survivorId, mergedList),
      auditRows: await repo.moveAuditHistory(trx, survivorId, mergedList),
    };
    await repo.moveDuplicateDismissals(trx, survivorId, mergedList);
    // Consent (a withdrawal above all) must survive the merge: the survivor's current state then reads all records.
    await repo.moveConsentRecords(trx, survivorId, mergedList);
    await repo.moveTasks(trx, survivorId, mergedList);
    await repo.deleteContacts(trx, mergedList);

    const columns = searchColumns(values);
    await addVocabulary(trx, nameWords(columns.search_terms));
    const survivor = rows.get(survivorId)!;
    // Custom values: the survivor's own win; a field only a merged contact filled keeps that value.
    const custom: CustomValues = Object.assign(
      {},
      ...mergedList.map((id) => rows.get(id)!.custom_values),
      survivor.custom_values,
    ) as CustomValues;
    if (!(await contacts.updateContact(trx, survivorId, survivor.version, { ...values, ...columns }, actor.id, custom))) {
      throw conflict('CONFLICT', 'Someone changed this contact since you opened it; reload and try again');
    }
    await contacts.replaceGovernorates(trx, survivorId, draft.governorates);
    const after = (await contacts.findContact(trx, survivorId))!;
    const undoId = await keepMergeForUndo(trx, actor, after, mergedList, before);
    await recordAudit(trx, {
      userId: actor.id,
      action: 'merge',
      entityType: 'contact',
      entityId: survivorId,
      details: { mergedIds: mergedList, fieldsFrom: input.fields ?? {}, moved, undoId },
    });
    return { contact: toDto(after, actor, await activeFieldDefs(trx)), merged: mergedList, moved, undoId };
  });
}
