import { type Kysely, sql } from 'kysely';

// Events, their target mix (quotas), invitation lists with a status history, working groups and dismissed
// suggestions. Frozen once landed. No app imports here.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('event')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('title', 'text', (c) => c.notNull().check(sql`length(btrim(title)) > 0`))
    .addColumn('type', 'text', (c) =>
      c.notNull().check(sql`type IN ('workshop', 'dialogue_session', 'closing_session', 'training', 'other')`),
    )
    .addColumn('starts_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ends_at', 'timestamptz', (c) => c.notNull())
    .addColumn('governorate_code', 'text', (c) => c.references('governorate.code'))
    .addColumn('venue', 'text')
    .addColumn('capacity', 'integer', (c) => c.check(sql`capacity > 0`))
    .addColumn('description', 'text')
    .addColumn('created_by', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addCheckConstraint('event_ends_after_start', sql`ends_at >= starts_at`)
    .execute();
  await db.schema.createIndex('event_starts_at_idx').on('event').column('starts_at').execute();
  await db.schema.createIndex('event_governorate_idx').on('event').column('governorate_code').execute();

  // One row per quota: "Baghdad 20" is min 20 and max 20, "at least 8 government stakeholders" min 8,
  // "at least 40% women" min_share 0.4 on gender = female.
  await db.schema
    .createTable('event_quota')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('event_id', 'uuid', (c) => c.notNull().references('event.id').onDelete('cascade'))
    .addColumn('dimension', 'text', (c) => c.notNull().check(sql`dimension IN ('governorate', 'kind', 'gender')`))
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('min_count', 'integer', (c) => c.check(sql`min_count >= 0`))
    .addColumn('max_count', 'integer', (c) => c.check(sql`max_count >= 0`))
    .addColumn('min_share', 'numeric(4, 3)', (c) => c.check(sql`min_share > 0 AND min_share <= 1`))
    .addCheckConstraint('event_quota_has_a_bound', sql`min_count IS NOT NULL OR max_count IS NOT NULL OR min_share IS NOT NULL`)
    .addCheckConstraint('event_quota_bounds_in_order', sql`min_count IS NULL OR max_count IS NULL OR max_count >= min_count`)
    .addUniqueConstraint('event_quota_unique', ['event_id', 'dimension', 'value'])
    .execute();

  await db.schema
    .createTable('event_group')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('event_id', 'uuid', (c) => c.notNull().references('event.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull().check(sql`length(btrim(name)) > 0`))
    .addColumn('facilitator_id', 'uuid', (c) => c.references('contact.id').onDelete('set null'))
    .addColumn('size', 'integer', (c) => c.check(sql`size > 0`))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('event_group_event_idx').on('event_group').column('event_id').execute();

  // contact_id is who is invited (a person, or an organisation or team); representative_id is the person who
  // comes for an organisation or team. attendee_id is whoever sits in the room, so one person is on a list once.
  await db.schema
    .createTable('invitation')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('event_id', 'uuid', (c) => c.notNull().references('event.id').onDelete('cascade'))
    .addColumn('contact_id', 'uuid', (c) => c.notNull().references('contact.id').onDelete('cascade'))
    .addColumn('representative_id', 'uuid', (c) => c.references('contact.id').onDelete('set null'))
    .addColumn('attendee_id', 'uuid', (c) =>
      c.notNull().generatedAlwaysAs(sql`COALESCE(representative_id, contact_id)`).stored(),
    )
    .addColumn('role', 'text', (c) =>
      c
        .notNull()
        .defaultTo('participant')
        .check(sql`role IN ('participant', 'speaker', 'facilitator', 'government_guest', 'organiser')`),
    )
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('proposed')
        .check(sql`status IN ('proposed', 'invited', 'confirmed', 'declined', 'attended', 'no_show', 'cancelled')`),
    )
    .addColumn('group_id', 'uuid', (c) => c.references('event_group.id').onDelete('set null'))
    .addColumn('walk_in', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('suggestion_reason', 'jsonb')
    .addColumn('status_changed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('status_changed_by', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn('created_by', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addCheckConstraint('invitation_representative_not_self', sql`representative_id IS NULL OR representative_id <> contact_id`)
    .addUniqueConstraint('invitation_event_contact_unique', ['event_id', 'contact_id'])
    .addUniqueConstraint('invitation_event_attendee_unique', ['event_id', 'attendee_id'])
    .execute();
  await db.schema.createIndex('invitation_contact_idx').on('invitation').columns(['contact_id', 'status']).execute();
  await db.schema.createIndex('invitation_representative_idx').on('invitation').column('representative_id').execute();
  await db.schema.createIndex('invitation_group_idx').on('invitation').column('group_id').execute();

  await db.schema
    .createTable('invitation_status_change')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('invitation_id', 'uuid', (c) => c.notNull().references('invitation.id').onDelete('cascade'))
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('changed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('changed_by', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
    .execute();
  await db.schema
    .createIndex('invitation_status_change_invitation_idx')
    .on('invitation_status_change')
    .column('invitation_id')
    .execute();

  await db.schema
    .createTable('event_suggestion_dismissal')
    .addColumn('event_id', 'uuid', (c) => c.notNull().references('event.id').onDelete('cascade'))
    .addColumn('contact_id', 'uuid', (c) => c.notNull().references('contact.id').onDelete('cascade'))
    .addColumn('dismissed_by', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn('dismissed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('event_suggestion_dismissal_pkey', ['event_id', 'contact_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('event_suggestion_dismissal').execute();
  await db.schema.dropTable('invitation_status_change').execute();
  await db.schema.dropTable('invitation').execute();
  await db.schema.dropTable('event_group').execute();
  await db.schema.dropTable('event_quota').execute();
  await db.schema.dropTable('event').execute();
}
