import { type Kysely, sql } from 'kysely';

// Stored search keys (computed in TypeScript by server/src/domain/search, the same code the browser runs) and a
// vocabulary of the distinct name words, so a query word expands to its similar words through a small trigram
// index before rows are found by array containment. Rows get their keys on every write; rows written before this
// migration have search_version 0 and are keyed by the start-up backfill (see modules/search/search-backfill.ts).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('contact')
    .addColumn('search_words', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('skeleton_words', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('phone_digits', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('search_version', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`CREATE INDEX contact_search_words_idx ON contact USING gin (search_words)`.execute(db);
  await sql`CREATE INDEX contact_skeleton_words_idx ON contact USING gin (skeleton_words)`.execute(db);
  await sql`CREATE INDEX contact_phone_digits_trgm_idx ON contact USING gin (phone_digits gin_trgm_ops)`.execute(db);
  await sql`CREATE INDEX contact_search_version_idx ON contact (search_version)`.execute(db);

  await db.schema
    .createTable('search_word')
    .addColumn('word', 'text', (c) => c.primaryKey())
    .execute();
  await sql`CREATE INDEX search_word_trgm_idx ON search_word USING gin (word gin_trgm_ops)`.execute(db);
  await sql`CREATE INDEX search_word_prefix_idx ON search_word (word text_pattern_ops)`.execute(db);

  // Each vocabulary word under itself and every one-letter deletion of it ("symmetric delete"): a query word and a
  // name word one typo apart (a letter changed, missing, added or two swapped) share a variant, which trigrams miss
  // in short Arabic words, where one changed letter breaks most of the few trigrams there are.
  await db.schema
    .createTable('search_word_variant')
    .addColumn('variant', 'text', (c) => c.notNull())
    .addColumn('word', 'text', (c) => c.notNull().references('search_word.word').onDelete('cascade'))
    .addPrimaryKeyConstraint('search_word_variant_pkey', ['variant', 'word'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('search_word_variant').execute();
  await db.schema.dropTable('search_word').execute();
  await db.schema.dropIndex('contact_search_version_idx').execute();
  await db.schema.dropIndex('contact_phone_digits_trgm_idx').execute();
  await db.schema.dropIndex('contact_skeleton_words_idx').execute();
  await db.schema.dropIndex('contact_search_words_idx').execute();
  await db.schema
    .alterTable('contact')
    .dropColumn('search_version')
    .dropColumn('phone_digits')
    .dropColumn('skeleton_words')
    .dropColumn('search_words')
    .execute();
}
