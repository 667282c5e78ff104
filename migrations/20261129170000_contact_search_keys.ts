import { type Kysely, sql } from 'kysely';

// Stored search keys (computed in TypeScript by server/src/domain/search, the same code the browser runs) and a
// vocabulary of the distinct name words, so a query word first expands to its typo neighbours and prefixes in the
// small vocabulary, then rows are found by array containment. Rows get their keys on every write; rows written before this
// migration have search_version 0 and are keyed by the start-up backfill (see modules/search/search-backfill.ts).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('contact')
    // Name word forms, and their consonant skeletons marked with a leading ~, in one array: then every query word's
    // condition is one && on one GIN index, and the planner ANDs them inside a single index scan.
    .addColumn('search_terms', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('phone_digits', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('search_version', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  // fastupdate off: with GIN's pending list, recent writes are scanned linearly by every search until a vacuum merges
  // them (measured: 13 ms instead of 1 ms per query at 100k contacts). Writes here are few; searches are many.
  await sql`CREATE INDEX contact_search_terms_idx ON contact USING gin (search_terms) WITH (fastupdate = off)`.execute(db);
  await sql`CREATE INDEX contact_phone_digits_trgm_idx ON contact USING gin (phone_digits gin_trgm_ops)`.execute(db);
  await sql`CREATE INDEX contact_search_version_idx ON contact (search_version)`.execute(db);

  await db.schema
    .createTable('search_word')
    .addColumn('word', 'text', (c) => c.primaryKey())
    .execute();
  await sql`CREATE INDEX search_word_prefix_idx ON search_word (word text_pattern_ops)`.execute(db);

  // Each vocabulary word under itself and its deletion variants ("symmetric delete", domain/search/deletion-variants):
  // a query word and a name word a typo or two apart share a variant. Trigrams miss these in short Arabic words, where
  // one changed letter breaks most of the few trigrams there are, and a trigram operator on this small table is
  // planned as a sequential scan that computes trigrams for every word.
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
  await db.schema.dropIndex('contact_search_terms_idx').execute();
  await db.schema
    .alterTable('contact')
    .dropColumn('search_version')
    .dropColumn('phone_digits')
    .dropColumn('search_terms')
    .execute();
}
