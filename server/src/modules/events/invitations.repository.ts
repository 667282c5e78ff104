import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { PERSON_KINDS, type ContactKind, type Gender, type Sensitivity } from '../../domain/contact-kinds.js';
import { contactInScope } from '../contact-refs/contact-refs.repository.js';
import { currentOrganisationOf } from './events.repository.js';
import type { InvitationRole, InvitationStatus } from '../../domain/events/vocabulary.js';
import type { StatusChangeSource } from '../../domain/outreach/vocabulary.js';

export interface PersonRefRow {
  id: string;
  name: string;
  kind: ContactKind;
  governorates: string[];
  gender: Gender | null;
  sensitivity: Sensitivity;
  phone: string | null;
  organisation_id: string | null;
  organisation_name: string | null;
}

/** Contacts as an invitation list shows them; the organisation is the current position's, for people. */
export async function personRefs(db: Db, ids: string[]): Promise<PersonRefRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('contact as c')
    .leftJoin('contact as o', (join) => join.on(sql`o.id`, '=', currentOrganisationOf('c.id')))
    .select(['c.id', 'c.name', 'c.kind', 'c.gender', 'c.sensitivity'])
    .select((eb) => [
      sql<string[]>`array(${eb
        .selectFrom('contact_governorate as cg')
        .select('cg.governorate_code')
        .whereRef('cg.contact_id', '=', 'c.id')
        .orderBy('cg.governorate_code')})`.as('governorates'),
      sql<string | null>`c.phones[1]`.as('phone'),
      sql<string | null>`o.id`.as('organisation_id'),
      sql<string | null>`o.name`.as('organisation_name'),
    ])
    .where('c.id', 'in', [...new Set(ids)])
    .execute();
}

export interface InvitationRow {
  id: string;
  event_id: string;
  contact_id: string;
  representative_id: string | null;
  role: InvitationRole;
  status: InvitationStatus;
  group_id: string | null;
  walk_in: boolean;
  suggestion_reason: unknown;
  quota_governorate: string | null;
  check_in_code: string;
  status_changed_at: Date;
  status_changed_by: string | null;
  status_changed_by_name: string | null;
  created_at: Date;
  updated_at: Date;
  version: number;
}

const INVITATION_COLUMNS = [
  'i.id',
  'i.event_id',
  'i.contact_id',
  'i.representative_id',
  'i.role',
  'i.status',
  'i.group_id',
  'i.walk_in',
  'i.suggestion_reason',
  'i.quota_governorate',
  'i.check_in_code',
  'i.status_changed_at',
  'i.status_changed_by',
  'u.name as status_changed_by_name',
  'i.created_at',
  'i.updated_at',
  'i.version',
] as const;

export interface InvitationFilter {
  status?: InvitationStatus;
  role?: InvitationRole;
  group?: string;
  visibleGovernorates: string[] | null;
}

function onEvent(db: Db, eventId: string) {
  return db
    .selectFrom('invitation as i')
    .innerJoin('contact as c', 'c.id', 'i.contact_id')
    .leftJoin('app_user as u', 'u.id', 'i.status_changed_by')
    .where('i.event_id', '=', eventId);
}

export async function listInvitations(db: Db, eventId: string, f: InvitationFilter): Promise<{ rows: InvitationRow[]; hidden: number }> {
  const scoped = f.visibleGovernorates;
  const rows = await onEvent(db, eventId)
    .select(INVITATION_COLUMNS)
    .$if(f.status !== undefined, (qb) => qb.where('i.status', '=', f.status!))
    .$if(f.role !== undefined, (qb) => qb.where('i.role', '=', f.role!))
    .$if(f.group === 'none', (qb) => qb.where('i.group_id', 'is', null))
    .$if(f.group !== undefined && f.group !== 'none', (qb) => qb.where('i.group_id', '=', f.group!))
    .$if(scoped !== null, (qb) => qb.where(contactInScope('i.contact_id', scoped!)))
    .orderBy('c.name')
    .orderBy('i.id')
    .execute();
  if (scoped === null) return { rows, hidden: 0 };
  const { n } = await db
    .selectFrom('invitation as i')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('i.event_id', '=', eventId)
    .where((eb) => eb.not(contactInScope('i.contact_id', scoped)))
    .executeTakeFirstOrThrow();
  return { rows, hidden: Number(n) };
}

export async function findInvitations(db: Db, eventId: string, ids: string[], forUpdate = false): Promise<InvitationRow[]> {
  if (ids.length === 0) return [];
  return onEvent(db, eventId)
    .select(INVITATION_COLUMNS)
    .where('i.id', 'in', ids)
    .orderBy('i.id')
    .$if(forUpdate, (qb) => qb.forUpdate(['i']))
    .execute();
}

/** The invitation a check-in code belongs to, on any event (the code is unique across events). */
export async function findByCheckInCode(db: Db, code: string) {
  return db
    .selectFrom('invitation as i')
    .innerJoin('event as e', 'e.id', 'i.event_id')
    .select(['i.id', 'i.event_id', 'i.contact_id', 'i.status', 'i.version', 'e.title as event_title'])
    .select((eb) =>
      sql<
        string[]
      >`array(${eb.selectFrom('contact_governorate as cg').select('cg.governorate_code').whereRef('cg.contact_id', '=', 'i.contact_id')})`.as(
        'governorates',
      ),
    )
    .where('i.check_in_code', '=', code)
    .executeTakeFirst();
}

export interface HistoryRow {
  invitation_id: string;
  from_status: InvitationStatus | null;
  to_status: InvitationStatus;
  changed_at: Date;
  changed_by: string | null;
  changed_by_name: string | null;
  source: StatusChangeSource;
  note: string | null;
}

export async function historyOf(db: Db, invitationIds: string[]): Promise<HistoryRow[]> {
  if (invitationIds.length === 0) return [];
  return db
    .selectFrom('invitation_status_change as h')
    .leftJoin('app_user as u', 'u.id', 'h.changed_by')
    .select([
      'h.invitation_id',
      'h.from_status',
      'h.to_status',
      'h.changed_at',
      'h.changed_by',
      'u.name as changed_by_name',
      'h.source',
      'h.note',
    ])
    .where('h.invitation_id', 'in', invitationIds)
    .orderBy('h.id')
    .execute();
}

/** Who of these people is already on the list, as the invited contact or as whoever attends. */
export async function alreadyOnList(db: Db, eventId: string, contactIds: string[]) {
  if (contactIds.length === 0) return [];
  return db
    .selectFrom('invitation')
    .select(['id', 'contact_id', 'attendee_id'])
    .where('event_id', '=', eventId)
    .where((eb) => eb.or([eb('contact_id', 'in', contactIds), eb('attendee_id', 'in', contactIds)]))
    .execute();
}

export interface NewInvitation {
  event_id: string;
  contact_id: string;
  representative_id: string | null;
  role: InvitationRole;
  status: InvitationStatus;
  walk_in: boolean;
  suggestion_reason: string | null;
  quota_governorate?: string | null;
  status_changed_by: string;
  created_by: string;
}

export async function insertInvitations(db: Db, rows: NewInvitation[]): Promise<string[]> {
  if (rows.length === 0) return [];
  const inserted = await db.insertInto('invitation').values(rows).returning(['id']).execute();
  await db
    .insertInto('invitation_status_change')
    .values(inserted.map((r, i) => ({ invitation_id: r.id, from_status: null, to_status: rows[i].status, changed_by: rows[i].created_by })))
    .execute();
  return inserted.map((r) => r.id);
}

export interface InvitationChanges {
  role?: InvitationRole;
  group_id?: string | null;
  representative_id?: string | null;
  quota_governorate?: string | null;
  status?: InvitationStatus;
}

/** Applies one change to many invitations; a status change also stamps who and when, and writes the history. */
export async function updateInvitations(
  db: Db,
  rows: { id: string; status: InvitationStatus; version: number }[],
  changes: InvitationChanges,
  userId: string,
  expectedVersion?: number,
): Promise<boolean> {
  if (rows.length === 0) return true;
  const now = new Date();
  const result = await db
    .updateTable('invitation')
    .set((eb) => ({
      ...changes,
      ...(changes.status !== undefined ? { status_changed_at: now, status_changed_by: userId } : {}),
      updated_at: now,
      version: eb('version', '+', 1),
    }))
    .where(
      'id',
      'in',
      rows.map((r) => r.id),
    )
    .$if(expectedVersion !== undefined, (qb) => qb.where('version', '=', expectedVersion!))
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== rows.length) return false;
  const moved = rows.filter((r) => changes.status !== undefined && r.status !== changes.status);
  if (moved.length) {
    await db
      .insertInto('invitation_status_change')
      .values(
        moved.map((r) => ({ invitation_id: r.id, from_status: r.status, to_status: changes.status!, changed_at: now, changed_by: userId })),
      )
      .execute();
  }
  return true;
}

export async function deleteInvitation(db: Db, id: string): Promise<void> {
  await db.deleteFrom('invitation').where('id', '=', id).execute();
}

/**
 * The current focal point of each organisation or team (a current focal-point position held by a person, the
 * earliest started first), in the caller's scope: who comes when an office is invited without naming anyone.
 */
export async function currentFocalPoints(
  db: Db,
  organisationIds: string[],
  visibleGovernorates: string[] | null,
): Promise<Map<string, string>> {
  if (organisationIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('position as p')
    .innerJoin('contact as pc', 'pc.id', 'p.person_id')
    .select(['p.organization_id', 'p.person_id'])
    .distinctOn('p.organization_id')
    .where('p.organization_id', 'in', [...new Set(organisationIds)])
    .where('p.is_focal_point', '=', true)
    .where(sql<boolean>`(p.start_date IS NULL OR p.start_date <= current_date) AND (p.end_date IS NULL OR p.end_date >= current_date)`)
    .where('pc.kind', 'in', [...PERSON_KINDS])
    .$if(visibleGovernorates !== null, (qb) => qb.where(contactInScope('pc.id', visibleGovernorates!)))
    .orderBy('p.organization_id')
    .orderBy(sql`p.start_date ASC NULLS LAST`)
    .orderBy('p.id')
    .execute();
  return new Map(rows.map((r) => [r.organization_id, r.person_id]));
}

export interface ContactFilter {
  kind?: ContactKind;
  governorates?: string[];
  tags?: string[];
  memberOf?: string;
  visibleGovernorates: string[] | null;
  limit: number;
}

/** Contacts matching a bulk-add filter, in name order; `memberOf`: active member_of relationship or current position. */
export async function contactIdsMatching(db: Db, f: ContactFilter): Promise<string[]> {
  const rows = await db
    .selectFrom('contact as c')
    .select('c.id')
    .$if(f.kind !== undefined, (qb) => qb.where('c.kind', '=', f.kind!))
    .$if(f.governorates !== undefined, (qb) =>
      qb.where(sql<boolean>`EXISTS (SELECT 1 FROM contact_governorate cg WHERE cg.contact_id = c.id
        AND cg.governorate_code IN (${sql.join(f.governorates!)}))`),
    )
    .$if(f.tags !== undefined, (qb) => qb.where(sql<boolean>`c.tags @> ${sql.val(f.tags!)}::text[]`))
    .$if(f.memberOf !== undefined, (qb) =>
      qb.where(sql<boolean>`(EXISTS (SELECT 1 FROM relationship r JOIN relationship_type t ON t.id = r.type_id
          WHERE t.key = 'member_of' AND r.from_contact_id = c.id AND r.to_contact_id = ${f.memberOf!}
            AND (r.end_date IS NULL OR r.end_date >= current_date))
        OR EXISTS (SELECT 1 FROM position p WHERE p.person_id = c.id AND p.organization_id = ${f.memberOf!}
            AND (p.end_date IS NULL OR p.end_date >= current_date)
            AND (p.start_date IS NULL OR p.start_date <= current_date)))`),
    )
    .$if(f.visibleGovernorates !== null, (qb) => qb.where(contactInScope('c.id', f.visibleGovernorates!)))
    .orderBy('c.name')
    .orderBy('c.id')
    .limit(f.limit)
    .execute();
  return rows.map((r) => r.id);
}

export async function groupsOfEvent(db: Db, eventId: string, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('event_group').select('id').where('event_id', '=', eventId).where('id', 'in', ids).execute();
  return rows.map((r) => r.id);
}
