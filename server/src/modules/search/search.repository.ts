import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from '../../db/database.js';
import type { SearchColumns } from './search-columns.js';
import { deletionVariants } from '../../domain/search/deletion-variants.js';

const textArray = (values: string[]) => sql`ARRAY[${sql.join(values.map((v) => sql`${v}`))}]::text[]`;

/**
 * Adds new name words to the vocabulary, with their deletion variants. Words are never removed: a stale word only
 * expands to no rows.
 */
export async function addVocabulary(db: Db, words: string[]): Promise<void> {
  if (words.length === 0) return;
  const added = await db
    .insertInto('search_word')
    .values([...new Set(words)].map((word) => ({ word })))
    .onConflict((oc) => oc.column('word').doNothing())
    .returning('word')
    .execute();
  const variants = added.flatMap(({ word }) => deletionVariants(word).map((variant) => ({ variant, word })));
  for (let i = 0; i < variants.length; i += 5000) {
    await db
      .insertInto('search_word_variant')
      .values(variants.slice(i, i + 5000))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

export interface WordExpansion {
  word: string;
  similarity: number;
}

/**
 * The vocabulary words near one query word: trigram-similar ones, and when the user may still be typing it,
 * those that start with it. The vocabulary is small next to the directory, so this is the cheap step.
 */
export async function expandWord(db: Db, word: string, typing: boolean, limit: number): Promise<WordExpansion[]> {
  const prefix = `${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const { rows } = await sql<WordExpansion>`
    WITH near AS (
      SELECT word FROM search_word WHERE word % ${word} ${typing ? sql`OR word LIKE ${prefix}` : sql``}
      UNION
      SELECT word FROM search_word_variant WHERE variant = ANY(${textArray(deletionVariants(word))})
    )
    SELECT word, similarity(word, ${word}) AS similarity FROM near
    ORDER BY (word = ${word}) DESC, ${typing ? sql`(word LIKE ${prefix}) DESC,` : sql``} similarity DESC, word
    LIMIT ${limit}`.execute(db);
  return rows.map((r) => ({ word: r.word, similarity: Number(r.similarity) }));
}

/** What one query word may match in a row: any of its expanded words, or one of its skeletons. */
export interface WordCondition {
  strong: string[];
  weak: string[];
  skeletons: string[];
}

export interface CandidateFilter {
  words: WordCondition[];
  kind?: string;
  governorate?: string;
  visibleGovernorates: string[] | null;
  limit: number;
}

export interface CandidateRow {
  id: string;
  kind: string;
  name: string;
  name_latin: string | null;
  name_ku: string | null;
  sensitivity: string;
  governorates: string[];
}

function wordMatches(condition: WordCondition): Expression<SqlBool> {
  const parts = [];
  const words = [...condition.strong, ...condition.weak];
  if (words.length) parts.push(sql<SqlBool>`contact.search_words && ${textArray(words)}`);
  if (condition.skeletons.length) parts.push(sql<SqlBool>`contact.skeleton_words && ${textArray(condition.skeletons)}`);
  return parts.length ? sql<SqlBool>`(${sql.join(parts, sql` OR `)})` : sql<SqlBool>`false`;
}

/** A rough score in SQL, only to choose which candidates the exact scorer in TypeScript looks at. */
function roughScore(conditions: WordCondition[]) {
  const terms = conditions.map((c) => {
    const strong = c.strong.length ? sql`(contact.search_words && ${textArray(c.strong)})::int * 3` : sql`0`;
    const weak = c.weak.length ? sql`(contact.search_words && ${textArray(c.weak)})::int * 2` : sql`0`;
    return sql`greatest(${strong}, ${weak}, 1)`;
  });
  return sql<number>`(${sql.join(terms, sql` + `)}) * 100 - cardinality(contact.search_words)`;
}

function scopeFilters(f: { kind?: string; governorate?: string; visibleGovernorates: string[] | null }) {
  const parts: Expression<SqlBool>[] = [];
  if (f.kind) parts.push(sql<SqlBool>`contact.kind = ${f.kind}`);
  if (f.governorate) {
    parts.push(sql<SqlBool>`EXISTS (SELECT 1 FROM contact_governorate cg
      WHERE cg.contact_id = contact.id AND cg.governorate_code = ${f.governorate})`);
  }
  if (f.visibleGovernorates) {
    parts.push(sql<SqlBool>`EXISTS (SELECT 1 FROM contact_governorate cg
      WHERE cg.contact_id = contact.id AND cg.governorate_code = ANY(${textArray(f.visibleGovernorates)}))`);
  }
  return parts;
}

const CANDIDATE_COLUMNS = sql`contact.id, contact.kind, contact.name, contact.name_latin, contact.name_ku,
  contact.sensitivity, array(SELECT cg.governorate_code FROM contact_governorate cg
    WHERE cg.contact_id = contact.id ORDER BY cg.governorate_code) AS governorates`;

/** Rows in which every query word matches some name word (by expansion or skeleton), best rough score first. */
export async function findNameCandidates(db: Db, f: CandidateFilter): Promise<CandidateRow[]> {
  const where = [...f.words.map(wordMatches), ...scopeFilters(f)];
  const { rows } = await sql<CandidateRow>`
    SELECT ${CANDIDATE_COLUMNS} FROM contact
    WHERE ${sql.join(where, sql` AND `)}
    ORDER BY ${roughScore(f.words)} DESC, contact.name
    LIMIT ${f.limit}`.execute(db);
  return rows;
}

export interface PhoneFilter {
  digits: string;
  includeRestricted: boolean;
  kind?: string;
  governorate?: string;
  visibleGovernorates: string[] | null;
  limit: number;
}

export async function findPhoneCandidates(db: Db, f: PhoneFilter): Promise<CandidateRow[]> {
  const where = [
    sql<SqlBool>`contact.phone_digits LIKE ${`%${f.digits}%`}`,
    ...(f.includeRestricted ? [] : [sql<SqlBool>`contact.sensitivity = 'normal'`]),
    ...scopeFilters(f),
  ];
  const { rows } = await sql<CandidateRow>`
    SELECT ${CANDIDATE_COLUMNS} FROM contact WHERE ${sql.join(where, sql` AND `)}
    ORDER BY contact.name LIMIT ${f.limit}`.execute(db);
  return rows;
}

export interface RowToKey {
  id: string;
  name: string;
  name_latin: string | null;
  name_ku: string | null;
  phones: string[];
}

export async function rowsWithOldKeys(db: Db, version: number, limit: number): Promise<RowToKey[]> {
  return db
    .selectFrom('contact')
    .select(['id', 'name', 'name_latin', 'name_ku', 'phones'])
    .where('search_version', '<', version)
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function writeSearchColumns(db: Db, id: string, columns: SearchColumns): Promise<void> {
  await db.updateTable('contact').set(columns).where('id', '=', id).execute();
}
