import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { Type, type Static } from 'typebox';
import { INVITATION_STATUSES } from '../../domain/events/vocabulary.js';
import { DateColumn, checkRows, nullable, oneOf } from '../../db/check-rows.js';

/** Positions of the merged contacts move to the survivor; one that would link the survivor to itself is deleted. */
export async function movePositions(db: Db, survivor: string, merged: string[]): Promise<number> {
  const moved = await sql`
    UPDATE "position" SET
      person_id = CASE WHEN person_id = ANY(${merged}::uuid[]) THEN ${survivor}::uuid ELSE person_id END,
      organization_id = CASE WHEN organization_id = ANY(${merged}::uuid[]) THEN ${survivor}::uuid ELSE organization_id END,
      updated_at = now(), version = version + 1
    WHERE person_id = ANY(${merged}::uuid[]) OR organization_id = ANY(${merged}::uuid[])`.execute(db);
  await sql`DELETE FROM "position" WHERE person_id = ${survivor}::uuid AND organization_id = ${survivor}::uuid`.execute(db);
  return Number(moved.numAffectedRows ?? 0n);
}

const RelationshipRowSchema = Type.Object({
  id: Type.String(),
  type_id: Type.String(),
  symmetric: Type.Boolean(),
  from_contact_id: Type.String(),
  to_contact_id: Type.String(),
  end_date: nullable(Type.String()),
  created_at: DateColumn,
});
export type RelationshipRow = Static<typeof RelationshipRowSchema>;

export async function relationshipsOf(db: Db, ids: string[]): Promise<RelationshipRow[]> {
  const { rows } = await sql`
    SELECT r.id, r.type_id, t.symmetric, r.from_contact_id, r.to_contact_id, r.end_date::text AS end_date, r.created_at
    FROM relationship r JOIN relationship_type t ON t.id = r.type_id
    WHERE r.from_contact_id = ANY(${ids}::uuid[]) OR r.to_contact_id = ANY(${ids}::uuid[])
    ORDER BY r.created_at, r.id`.execute(db);
  return checkRows('merge.relationshipsOf', RelationshipRowSchema, rows);
}

export async function deleteRelationships(db: Db, ids: string[]): Promise<void> {
  if (ids.length) await sql`DELETE FROM relationship WHERE id = ANY(${ids}::uuid[])`.execute(db);
}

export async function repointRelationship(db: Db, id: string, from: string, to: string): Promise<void> {
  await sql`UPDATE relationship SET from_contact_id = ${from}, to_contact_id = ${to}, updated_at = now(), version = version + 1
    WHERE id = ${id}`.execute(db);
}

const CountSchema = Type.Object({ n: Type.String() });

/** Interactions the merged contacts took part in gain the survivor as participant (once); returns how many. */
export async function moveParticipants(db: Db, survivor: string, merged: string[]): Promise<number> {
  const counted = await sql`
    SELECT count(DISTINCT interaction_id) AS n FROM interaction_participant WHERE contact_id = ANY(${merged}::uuid[])`.execute(db);
  await sql`
    INSERT INTO interaction_participant (interaction_id, contact_id)
    SELECT DISTINCT interaction_id, ${survivor}::uuid FROM interaction_participant WHERE contact_id = ANY(${merged}::uuid[])
    ON CONFLICT DO NOTHING`.execute(db);
  await sql`DELETE FROM interaction_participant WHERE contact_id = ANY(${merged}::uuid[])`.execute(db);
  // count() is bigint: the driver returns it as text.
  return Number(checkRows('merge.moveParticipants', CountSchema, counted.rows)[0].n);
}

const InvitationRowSchema = Type.Object({
  id: Type.String(),
  event_id: Type.String(),
  contact_id: Type.String(),
  representative_id: nullable(Type.String()),
  status: oneOf(INVITATION_STATUSES),
  created_at: DateColumn,
});
export type InvitationRow = Static<typeof InvitationRowSchema>;

export async function invitationsOf(db: Db, ids: string[]): Promise<InvitationRow[]> {
  const { rows } = await sql`
    SELECT id, event_id, contact_id, representative_id, status, created_at FROM invitation
    WHERE contact_id = ANY(${ids}::uuid[]) OR representative_id = ANY(${ids}::uuid[])
    ORDER BY event_id, created_at, id
    FOR UPDATE`.execute(db);
  return checkRows('merge.invitationsOf', InvitationRowSchema, rows);
}

export async function deleteInvitations(db: Db, ids: string[]): Promise<void> {
  if (ids.length) await sql`DELETE FROM invitation WHERE id = ANY(${ids}::uuid[])`.execute(db);
}

export async function repointInvitation(db: Db, id: string, contactId: string, representativeId: string | null): Promise<void> {
  await sql`UPDATE invitation SET contact_id = ${contactId}, representative_id = ${representativeId}, updated_at = now(),
    version = version + 1 WHERE id = ${id}`.execute(db);
}

export async function moveFacilitators(db: Db, survivor: string, merged: string[]): Promise<number> {
  const result = await sql`UPDATE event_group SET facilitator_id = ${survivor}, updated_at = now(), version = version + 1
    WHERE facilitator_id = ANY(${merged}::uuid[])`.execute(db);
  return Number(result.numAffectedRows ?? 0n);
}

export async function moveSuggestionDismissals(db: Db, survivor: string, merged: string[]): Promise<number> {
  const result = await sql`
    INSERT INTO event_suggestion_dismissal (event_id, contact_id, dismissed_by, dismissed_at)
    SELECT DISTINCT ON (event_id) event_id, ${survivor}::uuid, dismissed_by, dismissed_at FROM event_suggestion_dismissal
    WHERE contact_id = ANY(${merged}::uuid[]) ORDER BY event_id, dismissed_at
    ON CONFLICT DO NOTHING`.execute(db);
  await sql`DELETE FROM event_suggestion_dismissal WHERE contact_id = ANY(${merged}::uuid[])`.execute(db);
  return Number(result.numAffectedRows ?? 0n);
}

/** "Not a duplicate" marks between a merged contact and a third one now hold for the survivor. */
export async function moveDuplicateDismissals(db: Db, survivor: string, merged: string[]): Promise<void> {
  await sql`
    INSERT INTO duplicate_dismissal (contact_a, contact_b, dismissed_by, dismissed_at)
    SELECT DISTINCT LEAST(other, ${survivor}::uuid), GREATEST(other, ${survivor}::uuid), dismissed_by, dismissed_at
    FROM (SELECT CASE WHEN contact_a = ANY(${merged}::uuid[]) THEN contact_b ELSE contact_a END AS other, dismissed_by, dismissed_at
          FROM duplicate_dismissal WHERE contact_a = ANY(${merged}::uuid[]) OR contact_b = ANY(${merged}::uuid[])) d
    WHERE other <> ${survivor}::uuid AND NOT other = ANY(${merged}::uuid[])
    ON CONFLICT DO NOTHING`.execute(db);
}

/** The merged contacts' history is kept, filed under the survivor, each row naming the id it was recorded under. */
export async function moveAuditHistory(db: Db, survivor: string, merged: string[]): Promise<number> {
  const result = await sql`
    UPDATE audit_log SET entity_id = ${survivor},
      details = COALESCE(details, '{}'::jsonb) || jsonb_build_object('mergedFrom', entity_id::text)
    WHERE entity_type = 'contact' AND entity_id = ANY(${merged}::uuid[])`.execute(db);
  return Number(result.numAffectedRows ?? 0n);
}

export async function moveConsentRecords(db: Db, survivor: string, merged: string[]): Promise<void> {
  await sql`UPDATE consent_record SET contact_id = ${survivor} WHERE contact_id = ANY(${merged}::uuid[])`.execute(db);
}

/** Tasks about a merged contact are about the survivor from now on (the trash snapshot re-links them on undo). */
export async function moveTasks(db: Db, survivor: string, merged: string[]): Promise<void> {
  await sql`UPDATE task SET contact_id = ${survivor} WHERE contact_id = ANY(${merged}::uuid[])`.execute(db);
}

export async function deleteContacts(db: Db, ids: string[]): Promise<void> {
  await sql`DELETE FROM contact WHERE id = ANY(${ids}::uuid[])`.execute(db);
}
