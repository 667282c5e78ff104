import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from '../../db/database.js';
import type { FieldChanges } from '../../domain/history/field-changes.js';

/** Audit actions that change nothing: they belong to the audit viewer, not to a record's history. */
const NOT_CHANGES = ['view', 'export', 'login'];

export interface HistoryRow {
  id: string;
  at: Date;
  action: string;
  entity_type: string;
  entity_id: string;
  changed_fields: string[];
  details: Record<string, unknown> | null;
  changes: FieldChanges | null;
  user_id: string | null;
  user_name: string | null;
}

export interface HistoryPage {
  /** Newest first: entries with a smaller audit id (ids grow with time). */
  before: string | null;
  limit: number;
}

/** A contact the caller can see: unscoped callers see all, scoped ones those sharing a governorate. */
const visible = (contactId: Expression<string> | ReturnType<typeof sql.ref>, governorates: string[] | null) =>
  governorates === null
    ? sql<SqlBool>`true`
    : sql<SqlBool>`EXISTS (SELECT 1 FROM contact_governorate cg WHERE cg.contact_id = ${contactId} AND cg.governorate_code = ANY(${governorates}::text[]))`;

/**
 * A contact's own entries and those of its positions, relationships and interactions, where every contact the
 * record links is visible to the caller (an interaction needs only this contact, who is a participant).
 */
export function contactTargets(contactId: string, governorates: string[] | null) {
  return sql<SqlBool>`(
    (a.entity_type = 'contact' AND a.entity_id = ${contactId})
    OR (a.entity_type = 'position' AND a.entity_id IN (
      SELECT p.id FROM position p WHERE (p.person_id = ${contactId} OR p.organization_id = ${contactId})
        AND ${visible(sql.ref('p.person_id'), governorates)} AND ${visible(sql.ref('p.organization_id'), governorates)}))
    OR (a.entity_type = 'relationship' AND a.entity_id IN (
      SELECT r.id FROM relationship r WHERE (r.from_contact_id = ${contactId} OR r.to_contact_id = ${contactId})
        AND ${visible(sql.ref('r.from_contact_id'), governorates)} AND ${visible(sql.ref('r.to_contact_id'), governorates)}))
    OR (a.entity_type = 'interaction' AND a.entity_id IN (
      SELECT ip.interaction_id FROM interaction_participant ip WHERE ip.contact_id = ${contactId}))
    OR a.id IN (SELECT s.audit_id FROM audit_subject s WHERE s.contact_id = ${contactId}::uuid)
  )`;
}

/** An event's own entries, its groups', and its invitations' where the invited contact is visible to the caller. */
export function eventTargets(eventId: string, governorates: string[] | null) {
  return sql<SqlBool>`(
    (a.entity_type = 'event' AND a.entity_id = ${eventId})
    OR (a.entity_type = 'event_group' AND a.entity_id IN (SELECT g.id FROM event_group g WHERE g.event_id = ${eventId}))
    OR (a.entity_type = 'invitation' AND a.entity_id IN (
      SELECT i.id FROM invitation i WHERE i.event_id = ${eventId} AND ${visible(sql.ref('i.contact_id'), governorates)}))
  )`;
}

/**
 * The entries `targets` picks, newest first. A bulk action's entry names no single record: for `subjectContactId`
 * it reads as a change to that contact, with that contact's own values (audit_subject).
 */
export async function historyRows(
  db: Db,
  targets: ReturnType<typeof contactTargets>,
  page: HistoryPage,
  subjectContactId: string | null = null,
): Promise<HistoryRow[]> {
  let query = db
    .selectFrom('audit_log as a')
    .leftJoin('audit_change as c', 'c.audit_id', 'a.id')
    .leftJoin('audit_subject as s', (join) =>
      join.onRef('s.audit_id', '=', 'a.id').on(sql<SqlBool>`s.contact_id = ${subjectContactId}::uuid`),
    )
    .leftJoin('app_user as u', 'u.id', 'a.user_id')
    .select([
      sql<string>`a.id::text`.as('id'),
      'a.at',
      'a.action',
      'a.entity_type',
      sql<string>`coalesce(a.entity_id::text, s.contact_id::text)`.as('entity_id'),
      'a.changed_fields',
      sql<Record<string, unknown> | null>`a.details`.as('details'),
      sql<FieldChanges | null>`coalesce(c.changes, s.changes)`.as('changes'),
      'a.user_id',
      'u.name as user_name',
    ])
    .where(targets)
    .where('a.action', 'not in', NOT_CHANGES);
  if (page.before) query = query.where(sql<SqlBool>`a.id < ${page.before}::bigint`);
  return query.orderBy('a.id', 'desc').limit(page.limit).execute();
}

export interface LabelRow {
  id: string;
  label: string;
}

/** Short names for the records an entry is about, e.g. a position's title and organisation. */
export async function positionLabels(db: Db, ids: string[]): Promise<LabelRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('position as p')
    .innerJoin('contact as o', 'o.id', 'p.organization_id')
    .innerJoin('contact as pe', 'pe.id', 'p.person_id')
    .select(['p.id', sql<string>`p.title || ' — ' || pe.name || ' · ' || o.name`.as('label')])
    .where('p.id', 'in', ids)
    .execute();
}

export async function relationshipLabels(db: Db, ids: string[]): Promise<LabelRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('relationship as r')
    .innerJoin('contact as f', 'f.id', 'r.from_contact_id')
    .innerJoin('contact as t', 't.id', 'r.to_contact_id')
    .select(['r.id', sql<string>`f.name || ' ↔ ' || t.name`.as('label')])
    .where('r.id', 'in', ids)
    .execute();
}

export async function interactionLabels(db: Db, ids: string[]): Promise<LabelRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('interaction')
    .select(['id', sql<string>`left(summary, 80)`.as('label')])
    .where('id', 'in', ids)
    .execute();
}

export async function invitationLabels(db: Db, ids: string[]): Promise<LabelRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('invitation as i')
    .innerJoin('contact as c', 'c.id', 'i.contact_id')
    .select(['i.id', 'c.name as label'])
    .where('i.id', 'in', ids)
    .execute();
}

export async function groupLabels(db: Db, ids: string[]): Promise<LabelRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('event_group').select(['id', 'name as label']).where('id', 'in', ids).execute();
}

export interface ContactNameRow {
  id: string;
  name: string;
  governorates: string[];
}

/** Names of contacts an entry's values refer to (a participant, a position's holder), with their governorates for scope. */
export async function contactNames(db: Db, ids: string[]): Promise<ContactNameRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('contact as c')
    .select([
      'c.id',
      'c.name',
      sql<string[]>`ARRAY(SELECT cg.governorate_code FROM contact_governorate cg WHERE cg.contact_id = c.id)`.as('governorates'),
    ])
    .where('c.id', 'in', [...new Set(ids)])
    .execute();
}

/**
 * Erases the old and new values kept for a record (a purge from the trash, an erasure request): its audit rows stay,
 * naming what changed and when, but no longer what the values were.
 */
export async function eraseValues(db: Db, records: { entityType: string; entityId: string }[]): Promise<void> {
  if (records.length === 0) return;
  const contactIds = records.filter((r) => r.entityType === 'contact').map((r) => r.entityId);
  if (contactIds.length > 0) await db.deleteFrom('audit_subject').where('contact_id', 'in', contactIds).execute();
  await db
    .deleteFrom('audit_change')
    .where('audit_id', 'in', (eb) =>
      eb
        .selectFrom('audit_log')
        .select('id')
        .where((w) => w.or(records.map((r) => w.and([w('entity_type', '=', r.entityType), w('entity_id', '=', r.entityId)])))),
    )
    .execute();
}
