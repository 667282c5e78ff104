import { setProgrammes, visibleProgrammeIds } from '../programme-refs/programme-attribution.js';
import type { Db } from '../../db/database.js';
import type { Actor } from '../../access/actor.js';
import { trashEvent } from '../trash/trash-capture.js';
import { CONTACT_KINDS, GENDERS } from '../../domain/contact-kinds.js';
import { isGovernorateCode } from '../../domain/governorates.js';
import { canDeleteEvents, isActiveStatus } from '../../domain/events/vocabulary.js';
import { stripBidiControls } from '../../domain/text/clean-text.js';
import { normalizePhone } from '../../domain/phone.js';
import { conflict, forbidden, invalid, type FieldError } from '../../errors.js';
import { fieldChanges } from '../../domain/history/field-changes.js';
import { recordAudit } from '../audit/audit.repository.js';
import * as repo from './events.repository.js';
import { assertEventWriter, loadEvent } from './event-access.js';
import { countByStatus, emptyCounts, liveStatus, toQuota } from './event-status.js';
import { linkReplyCount } from '../outreach/outreach.repository.js';
import type {
  CreateEventInput,
  EventDetailDto,
  EventSummaryDto,
  ListEventsFilter,
  QuotaInput,
  StatusCounts,
  UpdateEventInput,
} from './events.schemas.js';

/** The organiser's phone as typed (07…, +964…, Arabic digits) → E.164; empty clears it, undefined leaves it. */
function organiserPhone(raw: string | null | undefined): { value: string | null | undefined; errors: FieldError[] } {
  if (raw === undefined) return { value: undefined, errors: [] };
  if (raw === null || raw.trim() === '') return { value: null, errors: [] };
  const result = normalizePhone(raw);
  return result.ok
    ? { value: result.e164, errors: [] }
    : { value: undefined, errors: [{ field: 'contactPhone', code: 'phone', message: 'is not a valid phone number' }] };
}

const STALE = 'Someone else changed this event since you opened it; reload and try again';

const ALLOWED_VALUES: Record<QuotaInput['dimension'], (value: string) => boolean> = {
  governorate: isGovernorateCode,
  kind: (v) => (CONTACT_KINDS as readonly string[]).includes(v),
  gender: (v) => (GENDERS as readonly string[]).includes(v),
};

function checkQuotas(quotas: QuotaInput[]): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  quotas.forEach((q, i) => {
    const at = `quotas.${i}`;
    if (!ALLOWED_VALUES[q.dimension](q.value)) {
      errors.push({ field: `${at}.value`, code: 'invalid_value', message: `is not a valid ${q.dimension}` });
    }
    const key = `${q.dimension}|${q.value}`;
    if (seen.has(key)) errors.push({ field: `${at}.value`, code: 'duplicate', message: 'appears twice in the quotas' });
    seen.add(key);
    if (q.minCount == null && q.maxCount == null && q.minShare == null) {
      errors.push({ field: at, code: 'no_bound', message: 'needs minCount, maxCount or minShare' });
    }
    if (q.minCount != null && q.maxCount != null && q.maxCount < q.minCount) {
      errors.push({ field: `${at}.maxCount`, code: 'below_min', message: 'must not be below minCount' });
    }
  });
  return errors;
}

function checkDates(startsAt: string, endsAt: string): FieldError[] {
  return Date.parse(endsAt) < Date.parse(startsAt)
    ? [{ field: 'endsAt', code: 'before_start', message: 'must not be before startsAt' }]
    : [];
}

const toQuotaRows = (quotas: QuotaInput[]): repo.QuotaRow[] =>
  quotas.map((q) => ({
    dimension: q.dimension,
    value: q.value,
    min_count: q.minCount ?? null,
    max_count: q.maxCount ?? null,
    min_share: q.minShare == null ? null : String(q.minShare),
  }));

export async function getEventDetail(db: Db, actor: Actor, id: string): Promise<EventDetailDto> {
  const row = await loadEvent(db, id);
  const [quotas, facts, programmes] = await Promise.all([
    repo.quotasOf(db, id),
    repo.invitationFacts(db, id),
    visibleProgrammeIds(db, actor, 'event', [id]),
  ]);
  return {
    id: row.id,
    title: row.title,
    type: row.type,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    governorate: row.governorate_code,
    venue: row.venue,
    capacity: row.capacity,
    description: row.description,
    contactPhone: row.contact_phone,
    quotas: quotas.map(toQuota),
    programmeIds: programmes.get(id) ?? [],
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
    ...liveStatus(quotas, facts, row.capacity),
  };
}

export async function listEvents(db: Db, _actor: Actor, filter: ListEventsFilter) {
  const { rows, total } = await repo.listEvents(db, filter);
  const counts = await repo.statusCountsOf(
    db,
    rows.map((r) => r.id),
  );
  const byEvent = new Map<string, StatusCounts>();
  for (const c of counts) {
    const entry = byEvent.get(c.event_id) ?? emptyCounts();
    entry[c.status] = Number(c.n);
    byEvent.set(c.event_id, entry);
  }
  const items = rows.map((row) => {
    const eventCounts = byEvent.get(row.id) ?? emptyCounts();
    return {
      id: row.id,
      title: row.title,
      type: row.type,
      startsAt: row.starts_at.toISOString(),
      endsAt: row.ends_at.toISOString(),
      governorate: row.governorate_code,
      venue: row.venue,
      capacity: row.capacity,
      counts: eventCounts,
      total: Object.values(eventCounts).reduce((a, b) => a + b, 0),
    };
  });
  return { items, total, limit: filter.limit, offset: filter.offset };
}

export async function createEvent(db: Db, actor: Actor, input: CreateEventInput): Promise<EventDetailDto> {
  assertEventWriter(actor);
  const phone = organiserPhone(input.contactPhone);
  const errors = [...checkDates(input.startsAt, input.endsAt), ...checkQuotas(input.quotas ?? []), ...phone.errors];
  if (errors.length) throw invalid(errors);
  return db.transaction().execute(async (trx) => {
    const values = {
      title: stripBidiControls(input.title).trim(),
      type: input.type,
      starts_at: input.startsAt,
      ends_at: input.endsAt,
      governorate_code: input.governorate ?? null,
      venue: (input.venue && stripBidiControls(input.venue).trim()) || null,
      capacity: input.capacity ?? null,
      description: (input.description && stripBidiControls(input.description, { keepMarks: true }).trim()) || null,
      contact_phone: phone.value ?? null,
    };
    const id = await repo.insertEvent(trx, values, actor.id);
    await repo.replaceQuotas(trx, id, toQuotaRows(input.quotas ?? []));
    if (input.programmeIds?.length) await setProgrammes(trx, actor, 'event', id, input.programmeIds, true);
    await recordAudit(trx, {
      userId: actor.id,
      action: 'create',
      entityType: 'event',
      entityId: id,
      changes: fieldChanges(null, values),
      details: { type: input.type, ...(input.programmeIds?.length ? { programmeIds: input.programmeIds } : {}) },
    });
    return getEventDetail(trx, actor, id);
  });
}

export async function updateEvent(db: Db, actor: Actor, id: string, input: UpdateEventInput): Promise<EventDetailDto> {
  assertEventWriter(actor);
  return db.transaction().execute(async (trx) => {
    const current = await loadEvent(trx, id, 'update');
    if (current.version !== input.version) throw conflict('CONFLICT', STALE);
    const startsAt = input.startsAt ?? current.starts_at.toISOString();
    const endsAt = input.endsAt ?? current.ends_at.toISOString();
    const phone = organiserPhone(input.contactPhone);
    const errors = [...checkDates(startsAt, endsAt), ...checkQuotas(input.quotas ?? []), ...phone.errors];
    if (errors.length) throw invalid(errors);
    const values: Partial<repo.EventValues> = {};
    if (input.title !== undefined) values.title = stripBidiControls(input.title).trim();
    if (input.type !== undefined) values.type = input.type;
    if (input.startsAt !== undefined) values.starts_at = input.startsAt;
    if (input.endsAt !== undefined) values.ends_at = input.endsAt;
    if (input.governorate !== undefined) values.governorate_code = input.governorate;
    if (input.venue !== undefined) values.venue = (input.venue && stripBidiControls(input.venue).trim()) || null;
    if (input.capacity !== undefined) values.capacity = input.capacity;
    if (input.description !== undefined)
      values.description = (input.description && stripBidiControls(input.description, { keepMarks: true }).trim()) || null;
    if (phone.value !== undefined) values.contact_phone = phone.value;
    if (!(await repo.updateEvent(trx, id, current.version, values))) throw conflict('CONFLICT', STALE);
    if (Date.parse(startsAt) !== current.starts_at.getTime() || Date.parse(endsAt) !== current.ends_at.getTime()) {
      await repo.bumpScheduleSequence(trx, id);
    }
    const changed: string[] = Object.keys(values);
    if (input.quotas !== undefined) {
      await repo.replaceQuotas(trx, id, toQuotaRows(input.quotas));
      changed.push('quotas');
    }
    if (input.programmeIds !== undefined && (await setProgrammes(trx, actor, 'event', id, input.programmeIds))) {
      changed.push('programmes');
    }
    await recordAudit(trx, {
      userId: actor.id,
      action: 'update',
      entityType: 'event',
      entityId: id,
      changedFields: changed,
      changes: fieldChanges(current, values, Object.keys(values)),
      details: changed.includes('programmes') ? { programmeIds: input.programmeIds } : undefined,
    });
    return getEventDetail(trx, actor, id);
  });
}

/** Moves the event (with its invitations, groups, messages) to the trash and answers the trash item's id. */
export async function deleteEvent(db: Db, actor: Actor, id: string, version: number | undefined): Promise<string> {
  if (!canDeleteEvents(actor.role)) throw forbidden('Only a coordinator or an administrator can delete an event');
  return db.transaction().execute(async (trx) => {
    const current = await loadEvent(trx, id, 'update');
    if (version !== undefined && current.version !== version) throw conflict('CONFLICT', STALE);
    const trashId = await trashEvent(trx, actor, current);
    await repo.deleteEvent(trx, id);
    await recordAudit(trx, {
      userId: actor.id,
      action: 'delete',
      entityType: 'event',
      entityId: id,
      details: { title: current.title, trashId },
    });
    return trashId;
  });
}

type Breakdown = EventSummaryDto['byKind'][number];

function breakdown(facts: repo.InvitationFactRow[], valuesOf: (f: repo.InvitationFactRow) => string[]): Breakdown[] {
  const rows = new Map<string, Breakdown>();
  for (const f of facts) {
    for (const value of valuesOf(f)) {
      const row = rows.get(value) ?? { value, active: 0, confirmed: 0, attended: 0, noShow: 0 };
      if (isActiveStatus(f.status)) row.active += 1;
      if (f.status === 'confirmed') row.confirmed += 1;
      if (f.status === 'attended') row.attended += 1;
      if (f.status === 'no_show') row.noShow += 1;
      rows.set(value, row);
    }
  }
  return [...rows.values()].sort((a, b) => b.active - a.active || (a.value < b.value ? -1 : 1));
}

export async function eventSummary(db: Db, id: string): Promise<EventSummaryDto> {
  const row = await loadEvent(db, id);
  const [quotas, facts, viaLink] = await Promise.all([repo.quotasOf(db, id), repo.invitationFacts(db, id), linkReplyCount(db, id)]);
  const live = liveStatus(quotas, facts, row.capacity);
  const c = countByStatus(facts);
  return {
    replies: {
      invited: c.invited + c.confirmed + c.declined + c.attended + c.no_show,
      confirmed: c.confirmed,
      declined: c.declined,
      noReply: c.invited,
      attended: c.attended,
      noShow: c.no_show,
      proposed: c.proposed,
      cancelled: c.cancelled,
      viaLink,
    },
    ...live,
    // One person, one governorate: each invitation counts in the governorate chosen for the event (else the first).
    byGovernorate: breakdown(facts, (f) => (f.quotaGovernorate ? [f.quotaGovernorate] : [])),
    byKind: breakdown(facts, (f) => [f.kind]),
    byGender: breakdown(facts, (f) => [f.gender ?? 'unknown']),
  };
}
