import { type Kysely, sql } from 'kysely';

// Programmes and donors (issue 16, item 2). Frozen once landed. No app imports here.
//  - programme: a named piece of work (Arabic name required, English and Kurdish optional) with a period and goals.
//    No deleted_at: a delete goes through the trash like contacts and events (snapshot, then hard delete), so the
//    trash_item check gains 'programme' and no query needs a "deleted" filter.
//  - programme_donor: the donor organisations, contacts of kind organization (the service checks the kind).
//  - programme_governorate: where it works; governorate-limited users see a programme through these.
//  - event_programme, interaction_programme, task_programme: attribution, several programmes allowed; a row goes with
//    its event/interaction/task or its programme (cascade, so the trash keeps and restores it with either).
//  - programme_participant: contacts marked participant or beneficiary, with their own dates.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('programme')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name_ar', 'text', (c) => c.notNull().check(sql`length(btrim(name_ar)) BETWEEN 1 AND 200`))
    .addColumn('name_en', 'text', (c) => c.check(sql`length(btrim(name_en)) BETWEEN 1 AND 200`))
    .addColumn('name_ku', 'text', (c) => c.check(sql`length(btrim(name_ku)) BETWEEN 1 AND 200`))
    .addColumn('starts_on', 'date', (c) => c.notNull())
    .addColumn('ends_on', 'date')
    .addColumn('goals', 'text')
    .addColumn('created_by', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addCheckConstraint('programme_period_check', sql`ends_on IS NULL OR ends_on >= starts_on`)
    .execute();
  await sql`CREATE INDEX programme_starts_on_idx ON programme (starts_on)`.execute(db);

  await db.schema
    .createTable('programme_donor')
    .addColumn('programme_id', 'uuid', (c) => c.notNull().references('programme.id').onDelete('cascade'))
    .addColumn('contact_id', 'uuid', (c) => c.notNull().references('contact.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('programme_donor_pkey', ['programme_id', 'contact_id'])
    .execute();
  await sql`CREATE INDEX programme_donor_contact_idx ON programme_donor (contact_id)`.execute(db);

  await db.schema
    .createTable('programme_governorate')
    .addColumn('programme_id', 'uuid', (c) => c.notNull().references('programme.id').onDelete('cascade'))
    .addColumn('governorate_code', 'text', (c) => c.notNull().references('governorate.code'))
    .addPrimaryKeyConstraint('programme_governorate_pkey', ['programme_id', 'governorate_code'])
    .execute();
  await sql`CREATE INDEX programme_governorate_code_idx ON programme_governorate (governorate_code, programme_id)`.execute(db);

  for (const owner of ['event', 'interaction', 'task']) {
    const table = `${owner}_programme`;
    await db.schema
      .createTable(table)
      .addColumn(`${owner}_id`, 'uuid', (c) => c.notNull().references(`${owner}.id`).onDelete('cascade'))
      .addColumn('programme_id', 'uuid', (c) => c.notNull().references('programme.id').onDelete('cascade'))
      .addPrimaryKeyConstraint(`${table}_pkey`, [`${owner}_id`, 'programme_id'])
      .execute();
    await sql`CREATE INDEX ${sql.raw(`${table}_programme_idx`)} ON ${sql.table(table)} (programme_id, ${sql.ref(`${owner}_id`)})`.execute(
      db,
    );
  }

  await db.schema
    .createTable('programme_participant')
    .addColumn('programme_id', 'uuid', (c) => c.notNull().references('programme.id').onDelete('cascade'))
    .addColumn('contact_id', 'uuid', (c) => c.notNull().references('contact.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role IN ('participant', 'beneficiary')`))
    .addColumn('starts_on', 'date', (c) => c.notNull())
    .addColumn('ends_on', 'date')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('programme_participant_pkey', ['programme_id', 'contact_id', 'role'])
    .addCheckConstraint('programme_participant_period_check', sql`ends_on IS NULL OR ends_on >= starts_on`)
    .execute();
  await sql`CREATE INDEX programme_participant_contact_idx ON programme_participant (contact_id)`.execute(db);

  await sql`ALTER TABLE trash_item DROP CONSTRAINT trash_item_entity_type_check`.execute(db);
  await sql`ALTER TABLE trash_item ADD CONSTRAINT trash_item_entity_type_check
    CHECK (entity_type IN ('contact', 'event', 'position', 'relationship', 'interaction', 'merge', 'programme'))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DELETE FROM trash_item WHERE entity_type = 'programme'`.execute(db);
  await sql`ALTER TABLE trash_item DROP CONSTRAINT trash_item_entity_type_check`.execute(db);
  await sql`ALTER TABLE trash_item ADD CONSTRAINT trash_item_entity_type_check
    CHECK (entity_type IN ('contact', 'event', 'position', 'relationship', 'interaction', 'merge'))`.execute(db);
  for (const table of ['programme_participant', 'task_programme', 'interaction_programme', 'event_programme']) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.dropTable('programme_governorate').execute();
  await db.schema.dropTable('programme_donor').execute();
  await db.schema.dropTable('programme').execute();
}
