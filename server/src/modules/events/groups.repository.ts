import { sql } from 'kysely';
import type { Db } from '../../db/database.js';

export interface GroupRow {
  id: string;
  event_id: string;
  name: string;
  facilitator_id: string | null;
  facilitator_name: string | null;
  /** The facilitator's governorates, for the scope check (empty without a facilitator). */
  facilitator_governorates: string[];
  size: number | null;
  sort_order: number;
  created_at: Date;
  updated_at: Date;
  version: number;
}

export interface GroupValues {
  name: string;
  facilitator_id: string | null;
  size: number | null;
  sort_order: number;
}

export async function groupsOf(db: Db, eventId: string, ids?: string[], forUpdate = false): Promise<GroupRow[]> {
  if (ids && ids.length === 0) return [];
  return db
    .selectFrom('event_group as g')
    .leftJoin('contact as f', 'f.id', 'g.facilitator_id')
    .select(['g.id', 'g.event_id', 'g.name', 'g.facilitator_id', 'f.name as facilitator_name', 'g.size', 'g.sort_order'])
    .select(['g.created_at', 'g.updated_at', 'g.version'])
    .select(
      sql<string[]>`array(SELECT cg.governorate_code FROM contact_governorate cg WHERE cg.contact_id = g.facilitator_id
        ORDER BY cg.governorate_code)`.as('facilitator_governorates'),
    )
    .where('g.event_id', '=', eventId)
    .$if(ids !== undefined, (qb) => qb.where('g.id', 'in', ids!))
    .orderBy('g.sort_order')
    .orderBy('g.created_at')
    .orderBy('g.id')
    .$if(forUpdate, (qb) => qb.forUpdate(['g']))
    .execute();
}

export async function insertGroup(db: Db, eventId: string, values: GroupValues): Promise<string> {
  const { id } = await db
    .insertInto('event_group')
    .values({ ...values, event_id: eventId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function updateGroup(db: Db, id: string, expectedVersion: number, values: Partial<GroupValues>): Promise<boolean> {
  const result = await db
    .updateTable('event_group')
    .set((eb) => ({ ...values, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Makes room at `position`: every group of the event from there on moves one place down, in one statement. */
export async function shiftGroupsFrom(db: Db, eventId: string, position: number): Promise<void> {
  await db
    .updateTable('event_group')
    .set((eb) => ({ sort_order: eb('sort_order', '+', 1) }))
    .where('event_id', '=', eventId)
    .where('sort_order', '>=', position)
    .execute();
}

/**
 * Numbers the event's groups 0, 1, 2 … in the given order, in one statement (positions are unique per event, checked at
 * the statement's end). A change of position is not a change of the group's content: versions stay.
 */
export async function renumberGroups(db: Db, eventId: string, orderedIds: readonly string[]): Promise<void> {
  if (orderedIds.length === 0) return;
  await sql`UPDATE event_group g SET sort_order = (o.n - 1)::int
    FROM unnest(${sql.val(orderedIds)}::uuid[]) WITH ORDINALITY AS o(id, n)
    WHERE g.id = o.id AND g.event_id = ${eventId} AND g.sort_order <> (o.n - 1)::int`.execute(db);
}

export async function deleteGroup(db: Db, id: string): Promise<void> {
  await db.deleteFrom('event_group').where('id', '=', id).execute();
}

/** Whether this person is on the event's list (as contact or attendee) and still expected. */
export async function isOnActiveList(db: Db, eventId: string, contactId: string): Promise<boolean> {
  const row = await db
    .selectFrom('invitation')
    .select('id')
    .where('event_id', '=', eventId)
    .where((eb) => eb.or([eb('contact_id', '=', contactId), eb('attendee_id', '=', contactId)]))
    .where('status', 'not in', ['declined', 'cancelled'])
    .executeTakeFirst();
  return row !== undefined;
}

/** Writes a whole split: every listed invitation gets its group (null: none), in one statement per group. */
export async function assignGroups(db: Db, assignment: Map<string, string | null>): Promise<void> {
  const byGroup = new Map<string | null, string[]>();
  for (const [invitationId, groupId] of assignment) byGroup.set(groupId, [...(byGroup.get(groupId) ?? []), invitationId]);
  const now = new Date();
  for (const [groupId, ids] of byGroup) {
    await db
      .updateTable('invitation')
      .set((eb) => ({ group_id: groupId, updated_at: now, version: eb('version', '+', 1) }))
      .where('id', 'in', ids)
      .execute();
  }
}

/**
 * For the split: each invitation's attendee and the organisations and volunteer teams they belong to today — the
 * organisation or team they represent, the organisations of their current positions, and the targets of their
 * current `member_of` relationships. An invitation of an organisation or team with nobody representing it has
 * no person to seat: `attendee_is_person` is false.
 */
export interface SplitAffiliationRow {
  id: string;
  attendee_is_person: boolean;
  organisation_ids: string[];
}

export async function splitAffiliations(db: Db, eventId: string): Promise<SplitAffiliationRow[]> {
  const result = await sql<SplitAffiliationRow>`
    SELECT i.id, a.kind IN ('activist', 'government_focal_point') AS attendee_is_person,
      array(
        SELECT i.contact_id WHERE i.representative_id IS NOT NULL
        UNION
        SELECT p.organization_id FROM position p
          WHERE p.person_id = i.attendee_id
            AND (p.end_date IS NULL OR p.end_date >= current_date) AND (p.start_date IS NULL OR p.start_date <= current_date)
        UNION
        SELECT r.to_contact_id FROM relationship r JOIN relationship_type t ON t.id = r.type_id
          WHERE t.key = 'member_of' AND r.from_contact_id = i.attendee_id
            AND (r.end_date IS NULL OR r.end_date >= current_date) AND (r.start_date IS NULL OR r.start_date <= current_date)
        ORDER BY 1
      )::text[] AS organisation_ids
    FROM invitation i JOIN contact a ON a.id = i.attendee_id
    WHERE i.event_id = ${eventId}
    ORDER BY i.id`.execute(db);
  return result.rows;
}
