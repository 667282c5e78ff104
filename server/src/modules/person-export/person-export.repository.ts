import { sql } from 'kysely';
import type { Db } from '../../db/database.js';

/* Everything held about one contact, for a person's request to see their data (issue 12). Read-only. */

export async function positionsOf(db: Db, contactId: string) {
  return db
    .selectFrom('position')
    .innerJoin('contact as person', 'person.id', 'position.person_id')
    .innerJoin('contact as org', 'org.id', 'position.organization_id')
    .select([
      'position.id',
      'position.person_id',
      'person.name as person_name',
      'position.organization_id',
      'org.name as organization_name',
      'position.title',
      'position.is_focal_point',
      sql<string | null>`position.start_date::text`.as('start_date'),
      sql<string | null>`position.end_date::text`.as('end_date'),
      'position.note',
      'position.created_at',
    ])
    .where((eb) => eb.or([eb('position.person_id', '=', contactId), eb('position.organization_id', '=', contactId)]))
    .orderBy('position.created_at')
    .execute();
}

export async function relationshipsOf(db: Db, contactId: string) {
  return db
    .selectFrom('relationship')
    .innerJoin('relationship_type', 'relationship_type.id', 'relationship.type_id')
    .innerJoin('contact as a', 'a.id', 'relationship.from_contact_id')
    .innerJoin('contact as b', 'b.id', 'relationship.to_contact_id')
    .select([
      'relationship.id',
      'relationship_type.key as type',
      'relationship_type.label_forward_ar',
      'relationship_type.label_forward_en',
      'relationship.from_contact_id',
      'a.name as from_name',
      'relationship.to_contact_id',
      'b.name as to_name',
      sql<string | null>`relationship.start_date::text`.as('start_date'),
      sql<string | null>`relationship.end_date::text`.as('end_date'),
      'relationship.strength',
      'relationship.note',
      'relationship.created_at',
    ])
    .where((eb) => eb.or([eb('relationship.from_contact_id', '=', contactId), eb('relationship.to_contact_id', '=', contactId)]))
    .orderBy('relationship.created_at')
    .execute();
}

export async function interactionsOf(db: Db, contactId: string) {
  return db
    .selectFrom('interaction')
    .innerJoin('interaction_participant as mine', 'mine.interaction_id', 'interaction.id')
    .leftJoin('app_user', 'app_user.id', 'interaction.logged_by')
    .select([
      'interaction.id',
      'interaction.kind',
      sql<string>`interaction.occurred_on::text`.as('occurred_on'),
      'interaction.summary',
      sql<string | null>`interaction.follow_up_on::text`.as('follow_up_on'),
      'interaction.follow_up_done',
      'app_user.name as logged_by',
      sql<
        string[]
      >`array(SELECT p.contact_id FROM interaction_participant p WHERE p.interaction_id = interaction.id AND p.contact_id <> ${contactId} ORDER BY p.contact_id)`.as(
        'others',
      ),
    ])
    .where('mine.contact_id', '=', contactId)
    .orderBy('interaction.occurred_on')
    .execute();
}

export async function invitationsOf(db: Db, contactId: string) {
  return db
    .selectFrom('invitation')
    .innerJoin('event', 'event.id', 'invitation.event_id')
    .leftJoin('event_group', 'event_group.id', 'invitation.group_id')
    .select([
      'invitation.id',
      'invitation.event_id',
      'event.title as event_title',
      'event.starts_at',
      'invitation.contact_id',
      'invitation.representative_id',
      'invitation.role',
      'invitation.status',
      'event_group.name as group_name',
      'invitation.walk_in',
      'invitation.created_at',
    ])
    .where((eb) => eb.or([eb('invitation.contact_id', '=', contactId), eb('invitation.representative_id', '=', contactId)]))
    .orderBy('event.starts_at')
    .execute();
}

export async function invitationHistoryOf(db: Db, invitationIds: string[]) {
  if (invitationIds.length === 0) return [];
  return db
    .selectFrom('invitation_status_change')
    .leftJoin('app_user', 'app_user.id', 'invitation_status_change.changed_by')
    .select([
      'invitation_status_change.invitation_id',
      'invitation_status_change.from_status',
      'invitation_status_change.to_status',
      'invitation_status_change.changed_at',
      'app_user.name as changed_by',
      'invitation_status_change.source',
      'invitation_status_change.note',
    ])
    .where('invitation_status_change.invitation_id', 'in', invitationIds)
    .orderBy('invitation_status_change.changed_at')
    .execute();
}

/** Audit entries about the contact itself and about its consent records: who viewed, changed or exported them. */
export async function auditAbout(db: Db, contactId: string) {
  return db
    .selectFrom('audit_log')
    .leftJoin('app_user', 'app_user.id', 'audit_log.user_id')
    .select([
      'audit_log.at',
      'app_user.name as user_name',
      'audit_log.action',
      'audit_log.entity_type',
      'audit_log.entity_id',
      'audit_log.changed_fields',
      'audit_log.details',
    ])
    .where((eb) =>
      eb.or([
        eb.and([eb('audit_log.entity_type', '=', 'contact'), eb('audit_log.entity_id', '=', contactId)]),
        eb.and([eb('audit_log.entity_type', '=', 'consent_record'), sql<boolean>`audit_log.details->>'contactId' = ${contactId}`]),
      ]),
    )
    .orderBy('audit_log.at')
    .execute();
}

export async function contactNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('contact').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
