import { type Kysely, sql } from 'kysely';

// Positions (a person holds a title in an organisation), typed relationships between any two contacts, and
// interactions (meetings, calls, visits, messages) with their participants. Frozen once landed. No app imports here.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('position')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('contact.id').onDelete('cascade'))
    .addColumn('organization_id', 'uuid', (c) => c.notNull().references('contact.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull().check(sql`length(btrim(title)) > 0`))
    .addColumn('is_focal_point', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('start_date', 'date')
    .addColumn('end_date', 'date')
    .addColumn('note', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addCheckConstraint('position_person_is_not_organization', sql`person_id <> organization_id`)
    .addCheckConstraint('position_dates_in_order', sql`end_date IS NULL OR start_date IS NULL OR end_date >= start_date`)
    .execute();
  await db.schema.createIndex('position_organization_idx').on('position').column('organization_id').execute();
  await db.schema.createIndex('position_person_idx').on('position').column('person_id').execute();

  await db.schema
    .createTable('relationship_type')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('label_forward_ar', 'text', (c) => c.notNull())
    .addColumn('label_forward_en', 'text', (c) => c.notNull())
    .addColumn('label_reverse_ar', 'text', (c) => c.notNull())
    .addColumn('label_reverse_en', 'text', (c) => c.notNull())
    .addColumn('symmetric', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // Forward reads "from <label> to" (Ali is a member of the team); reverse reads "to <label> from" (the team has member Ali).
  // Symmetric types read the same both ways.
  const seed = [
    ['member_of', 'عضو في', 'member of', 'يضمّ عضواً', 'has member', false],
    ['leads', 'يقود', 'leads', 'بقيادة', 'led by', false],
    ['funded_by', 'مموَّل من', 'funded by', 'يموّل', 'funds', false],
    ['partner_of', 'شريك لـ', 'partner of', 'شريك لـ', 'partner of', true],
    ['referred_by', 'مُحال من', 'referred by', 'أحال', 'referred', false],
    ['works_with', 'يعمل مع', 'works with', 'يعمل مع', 'works with', true],
  ] as const;
  for (const [key, fAr, fEn, rAr, rEn, symmetric] of seed) {
    await sql`INSERT INTO relationship_type (key, label_forward_ar, label_forward_en, label_reverse_ar, label_reverse_en, "symmetric")
      VALUES (${key}, ${fAr}, ${fEn}, ${rAr}, ${rEn}, ${symmetric})`.execute(db);
  }

  await db.schema
    .createTable('relationship')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('type_id', 'uuid', (c) => c.notNull().references('relationship_type.id'))
    .addColumn('from_contact_id', 'uuid', (c) => c.notNull().references('contact.id').onDelete('cascade'))
    .addColumn('to_contact_id', 'uuid', (c) => c.notNull().references('contact.id').onDelete('cascade'))
    .addColumn('start_date', 'date')
    .addColumn('end_date', 'date')
    .addColumn('strength', 'smallint', (c) => c.check(sql`strength BETWEEN 1 AND 5`))
    .addColumn('note', 'text')
    .addColumn('created_by', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addCheckConstraint('relationship_not_self', sql`from_contact_id <> to_contact_id`)
    .addCheckConstraint('relationship_dates_in_order', sql`end_date IS NULL OR start_date IS NULL OR end_date >= start_date`)
    .execute();
  // One active relationship of a type per direction; the reverse direction of symmetric types is checked by the service.
  await sql`CREATE UNIQUE INDEX relationship_active_unique ON relationship (type_id, from_contact_id, to_contact_id)
    WHERE end_date IS NULL`.execute(db);
  await db.schema.createIndex('relationship_from_idx').on('relationship').column('from_contact_id').execute();
  await db.schema.createIndex('relationship_to_idx').on('relationship').column('to_contact_id').execute();

  await db.schema
    .createTable('interaction')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind IN ('meeting', 'call', 'visit', 'message', 'other')`))
    .addColumn('occurred_on', 'date', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().check(sql`length(btrim(summary)) > 0`))
    .addColumn('follow_up_on', 'date')
    .addColumn('follow_up_done', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('logged_by', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('interaction_occurred_on_idx').on('interaction').column('occurred_on').execute();
  await sql`CREATE INDEX interaction_follow_up_idx ON interaction (follow_up_on) WHERE NOT follow_up_done`.execute(db);

  await db.schema
    .createTable('interaction_participant')
    .addColumn('interaction_id', 'uuid', (c) => c.notNull().references('interaction.id').onDelete('cascade'))
    .addColumn('contact_id', 'uuid', (c) => c.notNull().references('contact.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('interaction_participant_pkey', ['interaction_id', 'contact_id'])
    .execute();
  await db.schema.createIndex('interaction_participant_contact_idx').on('interaction_participant').column('contact_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('interaction_participant').execute();
  await db.schema.dropTable('interaction').execute();
  await db.schema.dropTable('relationship').execute();
  await db.schema.dropTable('relationship_type').execute();
  await db.schema.dropTable('position').execute();
}
