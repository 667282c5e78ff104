import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { PERSON_KINDS, type ContactKind, type Gender } from '../../domain/contact-kinds.js';
import type { EventType, InvitationRole, InvitationStatus, QuotaDimension } from '../../domain/events/vocabulary.js';

export interface EventRow {
  id: string;
  title: string;
  type: EventType;
  starts_at: Date;
  ends_at: Date;
  governorate_code: string | null;
  venue: string | null;
  capacity: number | null;
  description: string | null;
  contact_phone: string | null;
  created_at: Date;
  updated_at: Date;
  version: number;
}

export interface EventValues {
  title: string;
  type: EventType;
  starts_at: string;
  ends_at: string;
  governorate_code: string | null;
  venue: string | null;
  capacity: number | null;
  description: string | null;
  contact_phone?: string | null;
}

export interface QuotaRow {
  dimension: QuotaDimension;
  value: string;
  min_count: number | null;
  max_count: number | null;
  min_share: string | null;
}

export interface EventFilter {
  from?: string;
  to?: string;
  governorate?: string;
  type?: EventType;
  q?: string;
  limit: number;
  offset: number;
}

const EVENT_COLUMNS = [
  'event.id',
  'event.title',
  'event.type',
  'event.starts_at',
  'event.ends_at',
  'event.governorate_code',
  'event.venue',
  'event.capacity',
  'event.description',
  'event.contact_phone',
  'event.created_at',
  'event.updated_at',
  'event.version',
] as const;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function filtered(db: Db, f: Omit<EventFilter, 'limit' | 'offset'>) {
  return db
    .selectFrom('event')
    .$if(f.from !== undefined, (qb) => qb.where('event.starts_at', '>=', sql<Date>`${f.from!}::date::timestamp AT TIME ZONE 'UTC'`))
    .$if(f.to !== undefined, (qb) => qb.where('event.starts_at', '<', sql<Date>`(${f.to!}::date + 1)::timestamp AT TIME ZONE 'UTC'`))
    .$if(f.governorate !== undefined, (qb) => qb.where('event.governorate_code', '=', f.governorate!))
    .$if(f.type !== undefined, (qb) => qb.where('event.type', '=', f.type!))
    .$if(Boolean(f.q?.trim()), (qb) => qb.where('event.title', 'ilike', `%${escapeLike(f.q!.trim())}%`));
}

export async function listEvents(db: Db, f: EventFilter): Promise<{ rows: EventRow[]; total: number }> {
  const base = filtered(db, f);
  const [rows, count] = await Promise.all([
    base.select(EVENT_COLUMNS).orderBy('event.starts_at', 'desc').orderBy('event.id').limit(f.limit).offset(f.offset).execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function statusCountsOf(db: Db, eventIds: string[]): Promise<{ event_id: string; status: InvitationStatus; n: string }[]> {
  if (eventIds.length === 0) return [];
  return db
    .selectFrom('invitation')
    .select(['event_id', 'status', (eb) => eb.fn.countAll<string>().as('n')])
    .where('event_id', 'in', eventIds)
    .groupBy(['event_id', 'status'])
    .execute();
}

export async function findEvent(db: Db, id: string, lock: 'update' | 'share' | null = null): Promise<EventRow | undefined> {
  return db
    .selectFrom('event')
    .select(EVENT_COLUMNS)
    .where('event.id', '=', id)
    .$if(lock === 'update', (qb) => qb.forUpdate())
    .$if(lock === 'share', (qb) => qb.forShare())
    .executeTakeFirst();
}

export async function quotasOf(db: Db, eventId: string): Promise<QuotaRow[]> {
  return db
    .selectFrom('event_quota')
    .select(['dimension', 'value', 'min_count', 'max_count', 'min_share'])
    .where('event_id', '=', eventId)
    .orderBy(sql`CASE dimension WHEN 'governorate' THEN 1 WHEN 'kind' THEN 2 ELSE 3 END`)
    .orderBy('value')
    .execute();
}

export async function insertEvent(db: Db, values: EventValues, createdBy: string): Promise<string> {
  const { id } = await db
    .insertInto('event')
    .values({ ...values, created_by: createdBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function updateEvent(db: Db, id: string, expectedVersion: number, values: Partial<EventValues>): Promise<boolean> {
  const result = await db
    .updateTable('event')
    .set((eb) => ({ ...values, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** A new start or end: calendar files of the event get a higher SEQUENCE so calendars move the entry. */
export async function bumpScheduleSequence(db: Db, id: string): Promise<void> {
  await db
    .updateTable('event')
    .set((eb) => ({ schedule_sequence: eb('schedule_sequence', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

export async function replaceQuotas(db: Db, eventId: string, quotas: QuotaRow[]): Promise<void> {
  await db.deleteFrom('event_quota').where('event_id', '=', eventId).execute();
  if (quotas.length === 0) return;
  await db
    .insertInto('event_quota')
    .values(quotas.map((q) => ({ ...q, event_id: eventId })))
    .execute();
}

export async function deleteEvent(db: Db, id: string): Promise<void> {
  await db.deleteFrom('event').where('id', '=', id).execute();
}

/** Everyone on an event's list as quotas, summaries and the split see them (docs/api-events.md, counting rules). */
export interface InvitationFactRow {
  id: string;
  contact_id: string;
  representative_id: string | null;
  status: InvitationStatus;
  role: InvitationRole;
  group_id: string | null;
  kind: ContactKind;
  governorates: string[];
  gender: Gender | null;
  /** For the split: the organisation the attendee comes from (the invited organisation, or a person's current one). */
  organisation_id: string | null;
  /** The governorate chosen for this event, else the contact's first (named as `QuotaPerson` reads it). */
  quotaGovernorate: string | null;
  /** A person comes: the invited contact is a person, or an organisation or team names who represents it. */
  person: boolean;
}

/** SQL: the organisation of the person's current position that started first (ties by id). */
export function currentOrganisationOf(personColumn: string) {
  return sql<string | null>`(SELECT p.organization_id FROM position p WHERE p.person_id = ${sql.ref(personColumn)}
    AND (p.end_date IS NULL OR p.end_date >= current_date) AND (p.start_date IS NULL OR p.start_date <= current_date)
    ORDER BY p.start_date NULLS LAST, p.id LIMIT 1)`;
}

export async function invitationFacts(db: Db, eventId: string): Promise<InvitationFactRow[]> {
  return db
    .selectFrom('invitation as i')
    .innerJoin('contact as c', 'c.id', 'i.contact_id')
    .leftJoin('contact as r', 'r.id', 'i.representative_id')
    .select(['i.id', 'i.contact_id', 'i.representative_id', 'i.status', 'i.role', 'i.group_id', 'c.kind'])
    .select((eb) => [
      sql<string[]>`array(${eb
        .selectFrom('contact_governorate as cg')
        .select('cg.governorate_code')
        .whereRef('cg.contact_id', '=', 'c.id')
        .orderBy('cg.governorate_code')})`.as('governorates'),
      sql<Gender | null>`CASE WHEN i.representative_id IS NOT NULL THEN r.gender ELSE c.gender END`.as('gender'),
      sql<string | null>`CASE WHEN i.representative_id IS NOT NULL OR c.kind IN ('organization', 'volunteer_team') THEN i.contact_id
        ELSE ${currentOrganisationOf('i.contact_id')} END`.as('organisation_id'),
      sql<string | null>`COALESCE(i.quota_governorate, (SELECT min(qg.governorate_code) FROM contact_governorate qg
        WHERE qg.contact_id = c.id))`.as('quotaGovernorate'),
      sql<boolean>`(i.representative_id IS NOT NULL OR c.kind IN (${sql.join(PERSON_KINDS)}))`.as('person'),
    ])
    .where('i.event_id', '=', eventId)
    .orderBy('i.id')
    .execute();
}
