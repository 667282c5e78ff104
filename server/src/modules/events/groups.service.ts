import type { Db } from '../../db/database.js';
import type { Actor } from '../auth/actor.js';
import { isPersonKind, type ContactKind } from '../../domain/contact-kinds.js';
import { autoSplit, type SplitPerson } from '../../domain/events/split.js';
import { isActiveStatus, type InvitationStatus } from '../../domain/events/vocabulary.js';
import { stripBidiControls } from '../../domain/text/clean-text.js';
import { conflict, invalid, notFound } from '../../errors.js';
import { recordAudit } from '../audit/audit.repository.js';
import { isContactVisible } from '../contacts/contact-refs.js';
import { invitationFacts, type InvitationFactRow } from './events.repository.js';
import { assertEventWriter, loadEvent } from './event-access.js';
import * as repo from './groups.repository.js';
import type { CreateGroupInput, GroupDto, UpdateGroupInput } from './groups.schemas.js';

const STALE = 'Someone else changed this group since you opened it; reload and try again';

/**
 * An account limited to some governorates never moves or unassigns an invitation it cannot see. A group action that
 * would (an auto-split over participants outside its scope, deleting a group that holds some) is refused whole,
 * rather than done on the visible part only: a split of half the room is not balanced, and a group cannot be
 * deleted for some of its members. The count is no secret: the invitation list already tells it how many are hidden.
 */
function refuseHidden(actor: Actor, facts: InvitationFactRow[], action: string) {
  const hidden = facts.filter((f) => !isContactVisible(actor, f.governorates)).length;
  if (hidden === 0) return;
  throw conflict(
    'OUT_OF_SCOPE_INVITATIONS',
    `${hidden} ${hidden === 1 ? 'invitation' : 'invitations'} outside your governorates would be changed by ${action}; ` +
      'ask a user who sees every governorate of this event',
  );
}

function toDtos(rows: repo.GroupRow[], facts: InvitationFactRow[]): GroupDto[] {
  return rows.map((row) => {
    const members = facts.filter((f) => f.group_id === row.id && isActiveStatus(f.status as InvitationStatus));
    const mix: GroupDto['mix'] = { governorate: {}, kind: {}, gender: {} };
    for (const m of members) {
      for (const g of m.governorates) mix.governorate[g] = (mix.governorate[g] ?? 0) + 1;
      mix.kind[m.kind] = (mix.kind[m.kind] ?? 0) + 1;
      const gender = m.gender ?? 'unknown';
      mix.gender[gender] = (mix.gender[gender] ?? 0) + 1;
    }
    return {
      id: row.id,
      eventId: row.event_id,
      name: row.name,
      facilitator: row.facilitator_id ? { id: row.facilitator_id, name: row.facilitator_name ?? '' } : null,
      size: row.size,
      sortOrder: row.sort_order,
      memberCount: members.length,
      mix,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
      version: row.version,
    };
  });
}

export async function listGroups(db: Db, eventId: string) {
  await loadEvent(db, eventId);
  const [rows, facts] = await Promise.all([repo.groupsOf(db, eventId), invitationFacts(db, eventId)]);
  const unassigned = facts.filter(
    (f) => f.group_id === null && f.role === 'participant' && isActiveStatus(f.status as InvitationStatus) && !seatsNobody(f),
  );
  return { items: toDtos(rows, facts), unassigned: unassigned.length };
}

async function one(db: Db, eventId: string, id: string): Promise<GroupDto> {
  const [rows, facts] = await Promise.all([repo.groupsOf(db, eventId, [id]), invitationFacts(db, eventId)]);
  return toDtos(rows, facts)[0]!;
}

async function checkFacilitator(db: Db, eventId: string, facilitatorId: string | null | undefined) {
  if (!facilitatorId) return;
  if (!(await repo.isOnActiveList(db, eventId, facilitatorId))) {
    throw invalid([{ field: 'facilitatorId', code: 'not_on_list', message: 'must be on the invitation list' }]);
  }
}

async function loadGroup(db: Db, eventId: string, id: string): Promise<repo.GroupRow> {
  const [row] = await repo.groupsOf(db, eventId, [id], true);
  if (!row) throw notFound('Group');
  return row;
}

export async function createGroup(db: Db, actor: Actor, eventId: string, input: CreateGroupInput): Promise<GroupDto> {
  assertEventWriter(actor);
  return db.transaction().execute(async (trx) => {
    await loadEvent(trx, eventId, 'update');
    await checkFacilitator(trx, eventId, input.facilitatorId);
    const id = await repo.insertGroup(trx, eventId, {
      name: stripBidiControls(input.name).trim(),
      facilitator_id: input.facilitatorId ?? null,
      size: input.size ?? null,
      sort_order: input.sortOrder ?? 0,
    });
    await recordAudit(trx, { userId: actor.id, action: 'create', entityType: 'event_group', entityId: id, details: { eventId } });
    return one(trx, eventId, id);
  });
}

export async function updateGroup(db: Db, actor: Actor, eventId: string, id: string, input: UpdateGroupInput): Promise<GroupDto> {
  assertEventWriter(actor);
  return db.transaction().execute(async (trx) => {
    await loadEvent(trx, eventId, 'update');
    const current = await loadGroup(trx, eventId, id);
    if (current.version !== input.version) throw conflict('CONFLICT', STALE);
    await checkFacilitator(trx, eventId, input.facilitatorId);
    const values: Partial<repo.GroupValues> = {};
    if (input.name !== undefined) values.name = stripBidiControls(input.name).trim();
    if (input.facilitatorId !== undefined) values.facilitator_id = input.facilitatorId;
    if (input.size !== undefined) values.size = input.size;
    if (input.sortOrder !== undefined) values.sort_order = input.sortOrder;
    if (!(await repo.updateGroup(trx, id, current.version, values))) throw conflict('CONFLICT', STALE);
    await recordAudit(trx, {
      userId: actor.id,
      action: 'update',
      entityType: 'event_group',
      entityId: id,
      changedFields: Object.keys(values),
      details: { eventId },
    });
    return one(trx, eventId, id);
  });
}

export async function deleteGroup(db: Db, actor: Actor, eventId: string, id: string, version: number | undefined) {
  assertEventWriter(actor);
  await db.transaction().execute(async (trx) => {
    await loadEvent(trx, eventId, 'update');
    const current = await loadGroup(trx, eventId, id);
    if (version !== undefined && current.version !== version) throw conflict('CONFLICT', STALE);
    // Deleting a group unassigns every invitation in it, whatever its status.
    if (actor.governorates !== null) {
      refuseHidden(actor, (await invitationFacts(trx, eventId)).filter((f) => f.group_id === id), 'deleting this group');
    }
    await repo.deleteGroup(trx, id);
    await recordAudit(trx, { userId: actor.id, action: 'delete', entityType: 'event_group', entityId: id, details: { eventId } });
  });
}

const SPLIT_STATUSES = new Set(['confirmed', 'attended']);

/** An organisation or team invited with nobody representing it: there is no one to seat in a group. */
export const seatsNobody = (f: Pick<InvitationFactRow, 'kind' | 'representative_id'>) =>
  f.representative_id === null && !isPersonKind(f.kind as ContactKind);

/** Who the split takes: confirmed or attended participants that are a person, with all their organisations and teams. */
export function splitPeople(facts: InvitationFactRow[], affiliations: repo.SplitAffiliationRow[]): SplitPerson[] {
  const byId = new Map(affiliations.map((a) => [a.id, a]));
  return facts
    .filter((f) => f.role === 'participant' && SPLIT_STATUSES.has(f.status) && !seatsNobody(f) && byId.get(f.id)?.attendee_is_person)
    .map((f) => ({ id: f.id, organisationIds: byId.get(f.id)!.organisation_ids, governorates: f.governorates, kind: f.kind, gender: f.gender }));
}

export async function autoSplitGroups(db: Db, actor: Actor, eventId: string) {
  assertEventWriter(actor);
  return db.transaction().execute(async (trx) => {
    await loadEvent(trx, eventId, 'update');
    const groups = await repo.groupsOf(trx, eventId);
    if (groups.length === 0) throw conflict('NO_GROUPS', 'Define the working groups before splitting');
    const before = await invitationFacts(trx, eventId);
    const people = splitPeople(before, await repo.splitAffiliations(trx, eventId));
    // The split reassigns every confirmed or attended participant; other invitations keep their group, except an
    // organisation or team nobody represents, which a group never holds (an earlier split may have put it in one).
    const seatless = before.filter((f) => f.group_id !== null && f.role === 'participant' && seatsNobody(f));
    const split = new Set([...people.map((p) => p.id), ...seatless.map((f) => f.id)]);
    refuseHidden(actor, before.filter((f) => split.has(f.id)), 'this split');
    const result = autoSplit(people, groups.map((g) => ({ id: g.id, size: g.size })));
    const assignment = new Map<string, string | null>(people.map((p) => [p.id, result.assignment.get(p.id) ?? null]));
    for (const f of seatless) assignment.set(f.id, null);
    await repo.assignGroups(trx, assignment);
    await recordAudit(trx, {
      userId: actor.id,
      action: 'update',
      entityType: 'event',
      entityId: eventId,
      changedFields: ['groups'],
      details: { autoSplit: true, assigned: result.assignment.size, unassigned: result.unassigned.length },
    });
    const facts = await invitationFacts(trx, eventId);
    return { groups: toDtos(groups, facts), assigned: result.assignment.size, unassigned: result.unassigned.length };
  });
}
