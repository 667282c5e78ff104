import type { Db } from '../../db/database.js';
import type { Actor } from '../../access/actor.js';
import { isPersonKind } from '../../domain/contact-kinds.js';
import { autoSplit, type SplitPerson } from '../../domain/events/split.js';
import { isActiveStatus } from '../../domain/events/vocabulary.js';
import { stripBidiControls } from '../../domain/text/clean-text.js';
import { conflict, invalid, notFound } from '../../errors.js';
import { recordAudit } from '../audit/audit.repository.js';
import { isContactVisible } from '../../access/actor-access.js';
import { loadVisibleRef } from '../../access/contact-access.js';
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

/** A facilitator outside the actor's governorates is not named to them (like the invitations they cannot see). */
const facilitatorHidden = (actor: Actor, row: repo.GroupRow) =>
  row.facilitator_id !== null && !isContactVisible(actor, row.facilitator_governorates);

function toDtos(actor: Actor, rows: repo.GroupRow[], facts: InvitationFactRow[]): GroupDto[] {
  return rows.map((row) => {
    const hidden = facilitatorHidden(actor, row);
    const members = facts.filter((f) => f.group_id === row.id && isActiveStatus(f.status));
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
      facilitator: row.facilitator_id && !hidden ? { id: row.facilitator_id, name: row.facilitator_name ?? '' } : null,
      facilitatorHidden: hidden,
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

export async function listGroups(db: Db, actor: Actor, eventId: string) {
  await loadEvent(db, eventId);
  const [rows, facts] = await Promise.all([repo.groupsOf(db, eventId), invitationFacts(db, eventId)]);
  const unassigned = facts.filter((f) => f.group_id === null && f.role === 'participant' && isActiveStatus(f.status) && !seatsNobody(f));
  return { items: toDtos(actor, rows, facts), unassigned: unassigned.length };
}

async function one(db: Db, actor: Actor, eventId: string, id: string): Promise<GroupDto> {
  const [rows, facts] = await Promise.all([repo.groupsOf(db, eventId, [id]), invitationFacts(db, eventId)]);
  return toDtos(actor, rows, facts)[0];
}

/**
 * The facilitator must be on the list. An account limited to some governorates names only contacts it can see
 * (404 for the contact otherwise, as when adding one to the list), and does not replace or remove a facilitator
 * it cannot see (409 OUT_OF_SCOPE_INVITATIONS, as for other group actions touching people outside its scope).
 */
async function checkFacilitator(db: Db, actor: Actor, eventId: string, facilitatorId: string | null | undefined, current?: repo.GroupRow) {
  if (facilitatorId === undefined || facilitatorId === (current?.facilitator_id ?? null)) return;
  if (current && facilitatorHidden(actor, current)) {
    throw conflict(
      'OUT_OF_SCOPE_INVITATIONS',
      "This group's facilitator is outside your governorates; ask a user who sees every governorate of this event to change them",
    );
  }
  if (facilitatorId === null) return;
  if (actor.governorates !== null) await loadVisibleRef(db, actor, facilitatorId);
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
    await checkFacilitator(trx, actor, eventId, input.facilitatorId);
    // A new group goes last (creation order), or at the position asked for, the groups from there on moving down.
    const existing = await repo.groupsOf(trx, eventId, undefined, true);
    const position = Math.min(input.sortOrder ?? existing.length, existing.length);
    await repo.renumberGroups(
      trx,
      eventId,
      existing.map((g) => g.id),
    );
    if (position < existing.length) await repo.shiftGroupsFrom(trx, eventId, position);
    const id = await repo.insertGroup(trx, eventId, {
      name: stripBidiControls(input.name).trim(),
      facilitator_id: input.facilitatorId ?? null,
      size: input.size ?? null,
      sort_order: position,
    });
    await recordAudit(trx, { userId: actor.id, action: 'create', entityType: 'event_group', entityId: id, details: { eventId } });
    return one(trx, actor, eventId, id);
  });
}

export async function updateGroup(db: Db, actor: Actor, eventId: string, id: string, input: UpdateGroupInput): Promise<GroupDto> {
  assertEventWriter(actor);
  return db.transaction().execute(async (trx) => {
    await loadEvent(trx, eventId, 'update');
    const current = await loadGroup(trx, eventId, id);
    if (current.version !== input.version) throw conflict('CONFLICT', STALE);
    await checkFacilitator(trx, actor, eventId, input.facilitatorId, current);
    const values: Partial<repo.GroupValues> = {};
    if (input.name !== undefined) values.name = stripBidiControls(input.name).trim();
    if (input.facilitatorId !== undefined) values.facilitator_id = input.facilitatorId;
    if (input.size !== undefined) values.size = input.size;
    if (!(await repo.updateGroup(trx, id, current.version, values))) throw conflict('CONFLICT', STALE);
    if (input.sortOrder !== undefined) await placeAt(trx, eventId, id, input.sortOrder);
    await recordAudit(trx, {
      userId: actor.id,
      action: 'update',
      entityType: 'event_group',
      entityId: id,
      changedFields: [...Object.keys(values), ...(input.sortOrder !== undefined ? ['sort_order'] : [])],
      details: { eventId },
    });
    return one(trx, actor, eventId, id);
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
      refuseHidden(
        actor,
        (await invitationFacts(trx, eventId)).filter((f) => f.group_id === id),
        'deleting this group',
      );
      if (facilitatorHidden(actor, current)) {
        throw conflict(
          'OUT_OF_SCOPE_INVITATIONS',
          "This group's facilitator is outside your governorates; ask a user who sees every governorate of this event",
        );
      }
    }
    await repo.deleteGroup(trx, id);
    await repo.renumberGroups(
      trx,
      eventId,
      (await repo.groupsOf(trx, eventId)).map((g) => g.id),
    );
    await recordAudit(trx, { userId: actor.id, action: 'delete', entityType: 'event_group', entityId: id, details: { eventId } });
  });
}

/** Puts group `id` at `position` (0 = first, clamped to the list), the other groups keeping their order. */
async function placeAt(trx: Db, eventId: string, id: string, position: number) {
  const order = (await repo.groupsOf(trx, eventId, undefined, true)).map((g) => g.id).filter((g) => g !== id);
  order.splice(Math.max(0, Math.min(position, order.length)), 0, id);
  await repo.renumberGroups(trx, eventId, order);
}

/** One place up (towards the first) or down; at either end it stays where it is. */
export async function moveGroup(db: Db, actor: Actor, eventId: string, id: string, direction: 'up' | 'down') {
  assertEventWriter(actor);
  return db.transaction().execute(async (trx) => {
    await loadEvent(trx, eventId, 'update');
    const groups = await repo.groupsOf(trx, eventId, undefined, true);
    const index = groups.findIndex((g) => g.id === id);
    if (index < 0) throw notFound('Group');
    const target = direction === 'up' ? index - 1 : index + 1;
    if (target >= 0 && target < groups.length) {
      await placeAt(trx, eventId, id, target);
      await recordAudit(trx, {
        userId: actor.id,
        action: 'update',
        entityType: 'event_group',
        entityId: id,
        changedFields: ['sort_order'],
        details: { eventId, from: index, to: target },
      });
    }
    return listGroups(trx, actor, eventId);
  });
}

/** Sets the whole order at once: `groupIds` names every group of the event exactly once, first to last. */
export async function setGroupOrder(db: Db, actor: Actor, eventId: string, groupIds: string[]) {
  assertEventWriter(actor);
  return db.transaction().execute(async (trx) => {
    await loadEvent(trx, eventId, 'update');
    const groups = await repo.groupsOf(trx, eventId, undefined, true);
    const known = new Set(groups.map((g) => g.id));
    if (new Set(groupIds).size !== groupIds.length || groupIds.length !== known.size || groupIds.some((g) => !known.has(g))) {
      throw invalid([{ field: 'groupIds', code: 'not_all_groups', message: 'must list every group of this event exactly once' }]);
    }
    await repo.renumberGroups(trx, eventId, groupIds);
    await recordAudit(trx, {
      userId: actor.id,
      action: 'update',
      entityType: 'event',
      entityId: eventId,
      changedFields: ['groups'],
      details: { groupOrder: groupIds },
    });
    return listGroups(trx, actor, eventId);
  });
}

const SPLIT_STATUSES = new Set(['confirmed', 'attended']);

/** An organisation or team invited with nobody representing it: there is no one to seat in a group. */
export const seatsNobody = (f: Pick<InvitationFactRow, 'kind' | 'representative_id'>) =>
  f.representative_id === null && !isPersonKind(f.kind);

/** Who the split takes: confirmed or attended participants that are a person, with all their organisations and teams. */
export function splitPeople(facts: InvitationFactRow[], affiliations: repo.SplitAffiliationRow[]): SplitPerson[] {
  const byId = new Map(affiliations.map((a) => [a.id, a]));
  return facts
    .filter((f) => f.role === 'participant' && SPLIT_STATUSES.has(f.status) && !seatsNobody(f) && byId.get(f.id)?.attendee_is_person)
    .map((f) => ({
      id: f.id,
      organisationIds: byId.get(f.id)!.organisation_ids,
      governorates: f.governorates,
      kind: f.kind,
      gender: f.gender,
    }));
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
    refuseHidden(
      actor,
      before.filter((f) => split.has(f.id)),
      'this split',
    );
    const result = autoSplit(
      people,
      groups.map((g) => ({ id: g.id, size: g.size })),
    );
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
    return { groups: toDtos(actor, groups, facts), assigned: result.assignment.size, unassigned: result.unassigned.length };
  });
}
