import { type Kysely, sql } from 'kysely';

// Frozen once landed: later schema changes go into a new migration. No app imports here.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);

  await db.schema
    .createTable('governorate')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('pcode', 'text', (c) => c.unique())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('name_ar', 'text', (c) => c.notNull())
    .addColumn('name_ku', 'text', (c) => c.notNull())
    .addColumn('kurdistan_region', 'boolean', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('app_user')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('email', 'text', (c) => c.notNull().check(sql`email = lower(btrim(email)) AND email LIKE '%_@_%'`))
    .addColumn('name', 'text', (c) => c.notNull().check(sql`length(btrim(name)) > 0`))
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role IN ('admin', 'coordinator', 'staff', 'viewer')`))
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('governorates', sql`text[]`)
    .addColumn('last_login_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('app_user_email_key').on('app_user').column('email').unique().execute();

  await db.schema
    .createTable('contact')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind IN ('activist', 'volunteer_team', 'organization', 'government_focal_point')`),
    )
    .addColumn('subtype', 'text', (c) =>
      c.check(sql`subtype IN ('local_ngo', 'international_ngo', 'government_body', 'donor', 'media', 'other')`),
    )
    .addColumn('name', 'text', (c) => c.notNull().check(sql`length(btrim(name)) > 0`))
    .addColumn('name_latin', 'text')
    .addColumn('name_ku', 'text')
    .addColumn('name_first', 'text')
    .addColumn('name_father', 'text')
    .addColumn('name_grandfather', 'text')
    .addColumn('name_family', 'text')
    .addColumn('gender', 'text', (c) => c.check(sql`gender IN ('female', 'male')`))
    .addColumn('phones', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('emails', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('tags', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('notes', 'text')
    .addColumn('sensitivity', 'text', (c) =>
      c.notNull().defaultTo('normal').check(sql`sensitivity IN ('normal', 'restricted')`),
    )
    .addColumn('source', 'text')
    .addColumn('consent_note', 'text')
    .addColumn('created_by', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn('updated_by', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addCheckConstraint('contact_subtype_only_for_organizations', sql`(kind = 'organization') = (subtype IS NOT NULL)`)
    .addCheckConstraint(
      'contact_person_fields_only_for_people',
      sql`kind IN ('activist', 'government_focal_point') OR (name_first IS NULL AND name_father IS NULL
        AND name_grandfather IS NULL AND name_family IS NULL AND gender IS NULL)`,
    )
    .execute();
  await db.schema.createIndex('contact_kind_idx').on('contact').column('kind').execute();
  await db.schema.createIndex('contact_name_idx').on('contact').column('name').execute();
  await sql`CREATE INDEX contact_name_trgm_idx ON contact USING gin (name gin_trgm_ops)`.execute(db);
  await sql`CREATE INDEX contact_tags_idx ON contact USING gin (tags)`.execute(db);
  await sql`CREATE INDEX contact_phones_idx ON contact USING gin (phones)`.execute(db);

  // A join table rather than an array so every code is checked against the governorate table.
  await db.schema
    .createTable('contact_governorate')
    .addColumn('contact_id', 'uuid', (c) => c.notNull().references('contact.id').onDelete('cascade'))
    .addColumn('governorate_code', 'text', (c) => c.notNull().references('governorate.code'))
    .addPrimaryKeyConstraint('contact_governorate_pkey', ['contact_id', 'governorate_code'])
    .execute();
  await db.schema
    .createIndex('contact_governorate_code_idx')
    .on('contact_governorate')
    .columns(['governorate_code', 'contact_id'])
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('user_id', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'uuid')
    .addColumn('changed_fields', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('details', 'jsonb')
    .execute();
  await db.schema.createIndex('audit_log_entity_idx').on('audit_log').columns(['entity_type', 'entity_id']).execute();
  await db.schema.createIndex('audit_log_at_idx').on('audit_log').column('at').execute();

  // Facts about this installation, such as when the demo data was loaded (so a restart never loads it twice).
  await db.schema
    .createTable('app_meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'jsonb', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('app_meta').execute();
  await db.schema.dropTable('audit_log').execute();
  await db.schema.dropTable('contact_governorate').execute();
  await db.schema.dropTable('contact').execute();
  await db.schema.dropTable('app_user').execute();
  await db.schema.dropTable('governorate').execute();
}
