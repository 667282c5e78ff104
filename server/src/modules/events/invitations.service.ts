import type { Db } from '../../db/database.js';
import type { Actor } from '../../access/actor.js';
import { isPersonKind } from '../../domain/contact-kinds.js';
import { canTransition, isActiveStatus, type InvitationRole, type InvitationStatus } from '../../domain/events/vocabulary.js';
import { AppError, conflict, invalid, notFound } from '../../errors.js';
import { fieldChanges } from '../../domain/history/field-changes.js';
import { recordAudit } from '../audit/audit.repository.js';
import { isContactVisible } from '../../access/actor-access.js';
import { loadVisibleRefs } from '../../access/contact-access.js';
import { quotasPushedOverMax } from '../../domain/events/quota.js';
import { invitationFacts, quotasOf } from './events.repository.js';
import { assertEventWriter, assertOnEventDay, loadEvent } from './event-access.js';
import { liveStatus, toQuota } from './event-status.js';
import { toInvitationDtos } from './invitation-dto.js';
import { matchesOutreach } from '../../domain/outreach/outreach-state.js';
import * as repo from './invitations.repository.js';
import { invitationExists, noRepresentative, quotaGovernorateErrors, quotaMaximum, representativeErrors } from './invitation-rules.js';
import type {
  AddInvitationsInput,
  BulkUpdateInput,
  InvitationDto,
  ListInvitationsFilter,
  UpdateInvitationInput,
} from './invitations.schemas.js';

const STALE = 'Someone else changed this invitation since you opened it; reload and try again';
const FILTER_LIMIT = 1000;

export async function listInvitations(db: Db, actor: Actor, eventId: string, filter: ListInvitationsFilter) {
  await loadEvent(db, eventId);
  const { outreach, ...rest } = filter;
  const { rows, hidden } = await repo.listInvitations(db, eventId, { ...rest, visibleGovernorates: actor.governorates });
  const all = await toInvitationDtos(db, actor, rows, { withHistory: filter.history === true });
  // The outreach filter reads the statuses the DTOs carry anyway: no second query, same rule as the web app's.
  const items = outreach ? all.filter((i) => matchesOutreach(outreach, outreachFacts(i), i.status)) : all;
  return { items, total: items.length, hidden };
}

const outreachFacts = (i: InvitationDto) => ({
  lastSentAt: i.outreach?.lastSentAt ?? null,
  repliedViaLinkAt: i.outreach?.repliedViaLink?.at ?? null,
});

interface Candidate {
  contactId: string;
  representativeId: string | null;
  role: InvitationRole;
  suggestionReasons: unknown[] | null;
  quotaGovernorate: string | null;
  /** Where the candidate came from in the body, for field errors. */
  field: string;
  /** The representative is the office's current focal point, not named in the request. */
  defaulted?: boolean;
}

async function candidatesOf(db: Db, actor: Actor, input: AddInvitationsInput): Promise<Candidate[]> {
  const role = input.role ?? 'participant';
  const list: Candidate[] = [
    ...(input.contactIds ?? []).map((contactId, i) => ({
      contactId,
      representativeId: null,
      role,
      suggestionReasons: null,
      quotaGovernorate: null,
      field: `contactIds.${i}`,
    })),
    ...(input.items ?? []).map((item, i) => ({
      contactId: item.contactId,
      representativeId: item.representativeId ?? null,
      role: item.role ?? role,
      suggestionReasons: item.suggestionReasons ?? null,
      quotaGovernorate: item.quotaGovernorate ?? null,
      field: `items.${i}`,
    })),
  ];
  if (input.filter) {
    const ids = await repo.contactIdsMatching(db, { ...input.filter, visibleGovernorates: actor.governorates, limit: FILTER_LIMIT + 1 });
    if (ids.length > FILTER_LIMIT) {
      throw invalid([{ field: 'filter', code: 'too_many', message: `matches more than ${FILTER_LIMIT} contacts; narrow it down` }]);
    }
    list.push(
      ...ids.map((contactId) => ({
        contactId,
        representativeId: null,
        role,
        suggestionReasons: null,
        quotaGovernorate: null,
        field: 'filter',
      })),
    );
  }
  if (!input.contactIds && !input.items && !input.filter) {
    throw invalid([{ field: 'contactIds', code: 'required', message: 'give contactIds, items or a filter' }]);
  }
  // The same contact named twice (say, by id and by the filter) is one candidate: the first mention wins.
  const byContact = new Map<string, Candidate>();
  for (const c of list) if (!byContact.has(c.contactId)) byContact.set(c.contactId, c);
  return [...byContact.values()];
}

/** The people already on the list as invited contact or attendee. */
export async function takenPeople(db: Db, eventId: string, people: string[], exceptInvitation?: string): Promise<Set<string>> {
  const rows = (await repo.alreadyOnList(db, eventId, people)).filter((r) => r.id !== exceptInvitation);
  return new Set(rows.flatMap((r) => [r.contact_id, r.attendee_id]));
}

function clashOf(c: Pick<Candidate, 'contactId' | 'representativeId'>, taken: Set<string>): string | null {
  if (taken.has(c.contactId)) return c.contactId;
  if (c.representativeId && taken.has(c.representativeId)) return c.representativeId;
  return null;
}

export async function addInvitations(db: Db, actor: Actor, eventId: string, input: AddInvitationsInput) {
  assertEventWriter(actor);
  return db.transaction().execute(async (trx) => addInvitationsWithin(trx, actor, eventId, input));
}

/** The same, inside the caller's transaction (a bulk action's): the caller checked the role. */
export async function addInvitationsWithin(trx: Db, actor: Actor, eventId: string, input: AddInvitationsInput) {
  const event = await loadEvent(trx, eventId, 'update');
  const candidates = await candidatesOf(trx, actor, input);
  const refs = await loadVisibleRefs(
    trx,
    actor,
    candidates.flatMap((c) => (c.representativeId ? [c.contactId, c.representativeId] : [c.contactId])),
    true,
  );
  const errors = candidates.flatMap((c) => [
    ...(c.representativeId
      ? representativeErrors(`${c.field}.representativeId`, refs.get(c.contactId)!, refs.get(c.representativeId))
      : []),
    ...quotaGovernorateErrors(`${c.field}.quotaGovernorate`, refs.get(c.contactId)!, c.quotaGovernorate),
  ]);
  if (errors.length) throw invalid(errors);

  // Offices are not people: an organisation or team comes through whoever represents it, by default its current
  // focal point. A vacant office named in the request is refused; one matched by a filter is skipped.
  const unrepresented = candidates.filter((c) => !c.representativeId && !isPersonKind(refs.get(c.contactId)!.kind));
  const focalPoints = await repo.currentFocalPoints(
    trx,
    unrepresented.map((c) => c.contactId),
    actor.governorates,
  );
  const vacant = unrepresented.filter((c) => !focalPoints.has(c.contactId));
  const named = vacant.filter((c) => c.field !== 'filter');
  if (named.length) throw noRepresentative(named.map((c) => ({ contactId: c.contactId, name: refs.get(c.contactId)!.name })));
  for (const c of unrepresented) {
    if (focalPoints.has(c.contactId)) Object.assign(c, { representativeId: focalPoints.get(c.contactId)!, defaulted: true });
  }
  for (const [id, ref] of await loadVisibleRefs(trx, actor, [...focalPoints.values()], true)) refs.set(id, ref);
  const sendable = candidates.filter((c) => !vacant.includes(c));

  // Within one request, a representative must not also be invited in person or represent a second organisation.
  // An office's default focal point who comes anyway (in person or for another office) leaves the office out.
  const attendees = new Set<string>();
  const comingAnyway: Candidate[] = [];
  for (const c of sendable.filter((x) => !x.defaulted)) {
    for (const person of c.representativeId ? [c.contactId, c.representativeId] : [c.contactId]) {
      if (attendees.has(person)) errors.push({ field: c.field, code: 'duplicate', message: 'names the same person twice' });
      attendees.add(person);
    }
  }
  for (const c of sendable.filter((x) => x.defaulted)) {
    if (attendees.has(c.contactId) || attendees.has(c.representativeId!)) comingAnyway.push(c);
    else [c.contactId, c.representativeId!].forEach((person) => attendees.add(person));
  }
  if (errors.length) throw invalid(errors);

  const taken = await takenPeople(trx, eventId, [...attendees]);
  const listed = sendable.filter((c) => !comingAnyway.includes(c));
  const clashing = listed.filter((c) => clashOf(c, taken) !== null);
  if (clashing.length && !input.skipExisting) {
    throw invitationExists(clashing.map((c) => ({ contactId: clashOf(c, taken)!, name: refs.get(clashOf(c, taken)!)!.name })));
  }
  const adding = listed.filter((c) => clashOf(c, taken) === null);
  const status = input.status ?? 'proposed';
  const [facts, quotas, people] = await Promise.all([
    invitationFacts(trx, eventId),
    quotasOf(trx, eventId),
    repo.personRefs(
      trx,
      adding.flatMap((c) => (c.representativeId ? [c.contactId, c.representativeId] : [c.contactId])),
    ),
  ]);
  const active = facts.filter((f) => isActiveStatus(f.status)).length;
  if (event.capacity !== null && active + adding.length > event.capacity && !input.allowOverCapacity) {
    throw conflict(
      'CAPACITY_EXCEEDED',
      `The event has ${Math.max(0, event.capacity - active)} places left and ${adding.length} would be added`,
    );
  }
  // Going past a quota's maximum asks first, as capacity does.
  if (!input.allowOverQuota) {
    const byId = new Map(people.map((p) => [p.id, p]));
    const incoming = adding.map((c) => {
      const contact = byId.get(c.contactId)!;
      return {
        status,
        governorates: contact.governorates,
        kind: contact.kind,
        gender: c.representativeId ? byId.get(c.representativeId)!.gender : contact.gender,
        quotaGovernorate: c.quotaGovernorate,
        person: true,
      };
    });
    const over = quotasPushedOverMax(quotas.map(toQuota), facts, incoming);
    if (over.length) throw quotaMaximum(over);
  }
  const ids = await repo.insertInvitations(
    trx,
    adding.map((c) => ({
      event_id: eventId,
      contact_id: c.contactId,
      representative_id: c.representativeId,
      role: c.role,
      status,
      walk_in: false,
      suggestion_reason: c.suggestionReasons ? JSON.stringify(c.suggestionReasons) : null,
      quota_governorate: c.quotaGovernorate,
      status_changed_by: actor.id,
      created_by: actor.id,
    })),
  );
  if (ids.length) {
    await recordAudit(trx, {
      userId: actor.id,
      action: 'update',
      entityType: 'event',
      entityId: eventId,
      changedFields: ['invitations'],
      details: { added: ids, status },
    });
  }
  const after = await invitationFacts(trx, eventId);
  const { quotaStatus, capacityStatus } = liveStatus(quotas, after, event.capacity);
  const rows = await repo.findInvitations(trx, eventId, ids);
  return {
    added: await toInvitationDtos(trx, actor, rows, { people }),
    skipped: [
      ...[...clashing, ...comingAnyway].map((c) => ({ contactId: c.contactId, reason: 'already_on_list' as const })),
      ...vacant.map((c) => ({ contactId: c.contactId, reason: 'no_representative' as const })),
    ],
    quotaStatus,
    capacityStatus,
  };
}

/** Loads invitations of this event for a write; hidden (out-of-scope) or missing ones answer 404. */
/** The invitations of an event by id, locked; 404 when one is missing or outside the caller's governorates. */
export async function loadForWrite(db: Db, actor: Actor, eventId: string, ids: string[]): Promise<repo.InvitationRow[]> {
  const rows = await repo.findInvitations(db, eventId, ids, true);
  if (rows.length !== new Set(ids).size) throw notFound('Invitation');
  if (actor.governorates !== null) {
    const people = await repo.personRefs(
      db,
      rows.map((r) => r.contact_id),
    );
    if (people.some((p) => !isContactVisible(actor, p.governorates))) throw notFound('Invitation');
  }
  return rows;
}

export function invalidTransitions(rows: { id: string; status: InvitationStatus }[], to: InvitationStatus) {
  const bad = rows.filter((r) => r.status !== to && !canTransition(r.status, to));
  if (bad.length === 0) return;
  throw new AppError(
    409,
    'INVALID_STATUS_TRANSITION',
    bad.length === 1 ? `An invitation cannot move from ${bad[0].status} to ${to}` : `${bad.length} invitations cannot move to ${to}`,
    bad.map((r) => ({ field: r.id, code: 'invalid_transition', message: `${r.status}->${to}` })),
  );
}

async function checkGroup(db: Db, eventId: string, groupId: string | null | undefined) {
  if (!groupId) return;
  if ((await repo.groupsOfEvent(db, eventId, [groupId])).length === 0) {
    throw invalid([{ field: 'groupId', code: 'not_found', message: 'is not a group of this event' }]);
  }
}

export async function updateInvitation(
  db: Db,
  actor: Actor,
  eventId: string,
  invitationId: string,
  input: UpdateInvitationInput,
  confirmOutsideEventDays = false,
): Promise<InvitationDto> {
  assertEventWriter(actor);
  return db.transaction().execute(async (trx) => {
    const event = await loadEvent(trx, eventId, 'update');
    const [current] = await loadForWrite(trx, actor, eventId, [invitationId]);
    if (current.version !== input.version) throw conflict('CONFLICT', STALE);
    if (input.status !== undefined) invalidTransitions([current], input.status);
    if (input.status === 'attended' && current.status !== 'attended') assertOnEventDay(event, confirmOutsideEventDays);
    await checkGroup(trx, eventId, input.groupId);
    const changes: repo.InvitationChanges = {};
    if (input.status !== undefined && input.status !== current.status) changes.status = input.status;
    if (input.role !== undefined) changes.role = input.role;
    if (input.groupId !== undefined) changes.group_id = input.groupId;
    if (input.quotaGovernorate !== undefined) {
      const [contact] = await repo.personRefs(trx, [current.contact_id]);
      const errors = quotaGovernorateErrors('quotaGovernorate', contact, input.quotaGovernorate);
      if (errors.length) throw invalid(errors);
      changes.quota_governorate = input.quotaGovernorate;
    }
    if (input.representativeId !== undefined && input.representativeId !== current.representative_id) {
      if (input.representativeId === null) {
        const [contact] = await repo.personRefs(trx, [current.contact_id]);
        if (!isPersonKind(contact.kind)) {
          throw invalid([
            { field: 'representativeId', code: 'required', message: 'an organisation or team comes through the person who represents it' },
          ]);
        }
      } else {
        const refs = await loadVisibleRefs(trx, actor, [current.contact_id, input.representativeId]);
        const errors = representativeErrors('representativeId', refs.get(current.contact_id)!, refs.get(input.representativeId));
        if (errors.length) throw invalid(errors);
        const taken = await takenPeople(trx, eventId, [input.representativeId], invitationId);
        if (taken.has(input.representativeId)) {
          throw invitationExists([{ contactId: input.representativeId, name: refs.get(input.representativeId)!.name }]);
        }
      }
      changes.representative_id = input.representativeId;
    }
    if (!(await repo.updateInvitations(trx, [current], changes, actor.id, input.version))) throw conflict('CONFLICT', STALE);
    await recordAudit(trx, {
      userId: actor.id,
      action: 'update',
      entityType: 'invitation',
      entityId: invitationId,
      changedFields: Object.keys(changes),
      changes: fieldChanges(current, changes, Object.keys(changes)),
      details: { eventId, ...(changes.status ? { from: current.status, to: changes.status } : {}) },
    });
    return (await toInvitationDtos(trx, actor, await repo.findInvitations(trx, eventId, [invitationId])))[0];
  });
}

export async function bulkUpdate(db: Db, actor: Actor, eventId: string, input: BulkUpdateInput, confirmOutsideEventDays = false) {
  assertEventWriter(actor);
  if (input.status === undefined && input.role === undefined && input.groupId === undefined) {
    throw invalid([{ field: 'status', code: 'required', message: 'give status, role or groupId' }]);
  }
  return db.transaction().execute(async (trx) => {
    const event = await loadEvent(trx, eventId, 'update');
    const rows = await loadForWrite(trx, actor, eventId, input.invitationIds);
    if (input.status !== undefined) invalidTransitions(rows, input.status);
    if (input.status === 'attended' && rows.some((r) => r.status !== 'attended')) assertOnEventDay(event, confirmOutsideEventDays);
    await checkGroup(trx, eventId, input.groupId);
    const changes: repo.InvitationChanges = {};
    if (input.role !== undefined) changes.role = input.role;
    if (input.groupId !== undefined) changes.group_id = input.groupId;
    // Rows already in the target status keep their stamp and history; the rest move together.
    const moving = input.status === undefined ? [] : rows.filter((r) => r.status !== input.status);
    const staying = input.status === undefined ? rows : rows.filter((r) => r.status === input.status);
    await repo.updateInvitations(trx, moving, { ...changes, status: input.status }, actor.id);
    if (Object.keys(changes).length) await repo.updateInvitations(trx, staying, changes, actor.id);
    await recordAudit(trx, {
      userId: actor.id,
      action: 'update',
      entityType: 'event',
      entityId: eventId,
      changedFields: ['invitations'],
      details: {
        invitationIds: rows.map((r) => r.id),
        fields: [...Object.keys(changes), ...(moving.length ? ['status'] : [])],
        ...(input.status ? { to: input.status } : {}),
      },
    });
    const after = await repo.findInvitations(
      trx,
      eventId,
      rows.map((r) => r.id),
    );
    return { items: await toInvitationDtos(trx, actor, after) };
  });
}

export async function deleteInvitation(db: Db, actor: Actor, eventId: string, invitationId: string, version: number | undefined) {
  assertEventWriter(actor);
  await db.transaction().execute(async (trx) => {
    await loadEvent(trx, eventId, 'update');
    const [current] = await loadForWrite(trx, actor, eventId, [invitationId]);
    if (version !== undefined && current.version !== version) throw conflict('CONFLICT', STALE);
    await repo.deleteInvitation(trx, invitationId);
    await recordAudit(trx, {
      userId: actor.id,
      action: 'delete',
      entityType: 'invitation',
      entityId: invitationId,
      details: { eventId, contactId: current.contact_id, status: current.status },
    });
  });
}
