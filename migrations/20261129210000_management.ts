import { type Kysely, sql } from 'kysely';

// Indexes for the management views (partnerships, map, dashboard). Frozen once landed. No app imports here.
export async function up(db: Kysely<unknown>): Promise<void> {
  // The partnerships page starts from the government bodies: a few thousand among many contacts.
  await sql`CREATE INDEX contact_government_body_idx ON contact (id) WHERE subtype = 'government_body'`.execute(db);
  // New contacts per month.
  await db.schema.createIndex('contact_created_at_idx').on('contact').column('created_at').execute();
  // Attendances by whoever sat in the room (a body's position holders), not only by the invited contact.
  await sql`CREATE INDEX invitation_attended_attendee_idx ON invitation (attendee_id, event_id) WHERE status = 'attended'`.execute(db);
  // A body's interactions through it and its people: index-only lookups of a contact's interactions.
  await sql`CREATE INDEX interaction_participant_contact_interaction_idx ON interaction_participant (contact_id, interaction_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('interaction_participant_contact_interaction_idx').execute();
  await db.schema.dropIndex('invitation_attended_attendee_idx').execute();
  await db.schema.dropIndex('contact_created_at_idx').execute();
  await db.schema.dropIndex('contact_government_body_idx').execute();
}
