import { sql, type Expression, type SqlBool } from 'kysely';
import { Type, type Static } from 'typebox';
import type { Db } from '../../db/database.js';
import { SKELETON_MARK, type SearchColumns } from './search-columns.js';
import { searchVariants } from '../../domain/search/deletion-variants.js';
import { createdWithin } from '../../db/created-within.js';
import { contactInScope } from '../contact-refs/contact-refs.repository.js';
import { CONTACT_KINDS, SENSITIVITIES, type ContactKind } from '../../domain/contact-kinds.js';
import { checkRows, nullable, oneOf } from '../../db/check-rows.js';

/**
 * A text array as ONE parameter: a typed word can expand to hundreds of words, and one placeholder per word made the
 * statement long to build, to send and for PostgreSQL to parse on every search.
 */
const textArray = (values: string[]) => sql`${values}::text[]`;

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
  const variants = added.flatMap(({ word }) => searchVariants(word).map((variant) => ({ variant, word })));
  for (let i = 0; i < variants.length; i += 5000) {
    await db
      .insertInto('search_word_variant')
      .values(variants.slice(i, i + 5000))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

export interface WordToExpand {
  word: string;
  /** The user may still be typing it: words that start with it count too. */
  typing: boolean;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

const NearWordSchema = Type.Object({ i: Type.Integer(), word: Type.String() });

/**
 * The vocabulary words near each query word, in one round trip: those sharing a deletion variant with it (its typo
 * neighbours, itself included) and, while it is being typed, those it starts (at most `prefixLimit`, shortest first).
 */
export async function expandWords(db: Db, words: WordToExpand[], prefixLimit: number): Promise<string[][]> {
  if (words.length === 0) return [];
  const perWord = words.map(({ word, typing }, i) => {
    const neighbours = sql`SELECT ${i}::int AS i, word FROM search_word_variant
      WHERE variant = ANY(${textArray(searchVariants(word))})`;
    if (!typing) return neighbours;
    return sql`${neighbours} UNION ALL (SELECT ${i}::int AS i, word FROM search_word
      WHERE word LIKE ${`${escapeLike(word)}%`} ORDER BY length(word), word LIMIT ${prefixLimit})`;
  });
  const result = await sql`
    SELECT DISTINCT i, word FROM (${sql.join(perWord, sql` UNION ALL `)}) near`.execute(db);
  const rows = checkRows('search.expandWords', NearWordSchema, result.rows);
  return words.map((_, i) => rows.filter((r) => r.i === i).map((r) => r.word));
}

/** What one query word may match in a row: any of its expanded words, one of its skeletons, or both halves of a split. */
export interface WordCondition {
  strong: string[];
  weak: string[];
  skeletons: string[];
  splits: [string, string][];
  /** The same splits by skeleton, for a glued Latin word against an Arabic name written apart (Abukalal, أبو كلل). */
  splitSkeletons: [string, string][];
}

export interface CandidateFilter {
  words: WordCondition[];
  kind?: ContactKind;
  governorate?: string;
  createdFrom?: string;
  createdTo?: string;
  visibleGovernorates: string[] | null;
  limit: number;
}

export const CandidateRowSchema = Type.Object({
  id: Type.String(),
  kind: oneOf(CONTACT_KINDS),
  name: Type.String(),
  name_latin: nullable(Type.String()),
  name_ku: nullable(Type.String()),
  name_father: nullable(Type.String()),
  sensitivity: oneOf(SENSITIVITIES),
  governorates: Type.Array(Type.String()),
});
export type CandidateRow = Static<typeof CandidateRowSchema>;

function wordMatches(condition: WordCondition): Expression<SqlBool> {
  const terms = [...condition.strong, ...condition.weak, ...condition.skeletons.map((s) => SKELETON_MARK + s)];
  const alternatives = [
    ...(terms.length ? [sql<SqlBool>`contact.search_terms && ${textArray(terms)}`] : []),
    ...condition.splits.map((pair) => sql<SqlBool>`contact.search_terms @> ${textArray(pair)}`),
    ...condition.splitSkeletons.map((pair) => sql<SqlBool>`contact.search_terms @> ${textArray(pair.map((s) => SKELETON_MARK + s))}`),
  ];
  return alternatives.length ? sql<SqlBool>`(${sql.join(alternatives, sql` OR `)})` : sql<SqlBool>`false`;
}

/**
 * A rough score in SQL, only to choose which candidates the exact scorer in TypeScript looks at: per query word, 3
 * for a word it starts (itself included), 2 for a typo neighbour, 1 for a skeleton; fewer terms (a shorter name)
 * first among equals.
 */
function roughScore(conditions: WordCondition[]) {
  const terms = conditions.map((c) => {
    const strong = c.strong.length ? sql`(contact.search_terms && ${textArray(c.strong)})::int * 3` : sql`0`;
    const weak = c.weak.length ? sql`(contact.search_terms && ${textArray(c.weak)})::int * 2` : sql`0`;
    return sql`greatest(${strong}, ${weak}, 1)`;
  });
  return sql<number>`(${sql.join(terms, sql` + `)}) * 100 - cardinality(contact.search_terms)`;
}

/** Whether the first query word is the name's first word (search_terms[1], the given name). */
function givenNameMatches(conditions: WordCondition[]) {
  const first = conditions[0] ? [...conditions[0].strong, ...conditions[0].weak] : [];
  return first.length ? sql<number>`(contact.search_terms[1] = ANY(${textArray(first)}))::int` : sql<number>`0`;
}

function scopeFilters(f: Omit<CandidateFilter, 'words' | 'limit'>) {
  // The date range narrows the candidates in SQL, so the candidate limit never crowds out the range's matches.
  const parts: Expression<SqlBool>[] = [...createdWithin(f)];
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
  contact.name_father, contact.sensitivity, array(SELECT cg.governorate_code FROM contact_governorate cg
    WHERE cg.contact_id = contact.id ORDER BY cg.governorate_code) AS governorates`;

/**
 * Rows in which every query word matches some name word (by expansion or skeleton). When a short query fits more rows
 * than are scored, half are the best by rough score (the shortest names, those the query says most of) and half the
 * best of those whose given name the first query word is (those the scorer puts first), from one scan of the matches.
 */
export async function findNameCandidates(db: Db, f: CandidateFilter): Promise<CandidateRow[]> {
  const where = [...f.words.map(wordMatches), ...scopeFilters(f)];
  const half = Math.ceil(f.limit / 2);
  const { rows } = await sql`
    WITH matched AS MATERIALIZED (
      SELECT contact.id, contact.name, ${roughScore(f.words)} AS rough, ${givenNameMatches(f.words)} AS given
      FROM contact WHERE ${sql.join(where, sql` AND `)}
    ), picked AS (
      (SELECT id, rough FROM matched ORDER BY rough DESC, name, id LIMIT ${half})
      UNION
      (SELECT id, rough FROM matched ORDER BY given DESC, rough DESC, name, id LIMIT ${half})
    )
    SELECT ${CANDIDATE_COLUMNS} FROM picked JOIN contact ON contact.id = picked.id
    ORDER BY picked.rough DESC, contact.name`.execute(db);
  return checkRows('search.findNameCandidates', CandidateRowSchema, rows);
}

export interface PhoneFilter {
  digits: string;
  includeRestricted: boolean;
  kind?: ContactKind;
  governorate?: string;
  createdFrom?: string;
  createdTo?: string;
  visibleGovernorates: string[] | null;
  limit: number;
}

export async function findPhoneCandidates(db: Db, f: PhoneFilter): Promise<CandidateRow[]> {
  const where = [
    sql<SqlBool>`contact.phone_digits LIKE ${`%${f.digits}%`}`,
    ...(f.includeRestricted ? [] : [sql<SqlBool>`contact.sensitivity = 'normal'`]),
    ...scopeFilters(f),
  ];
  const { rows } = await sql`
    SELECT ${CANDIDATE_COLUMNS} FROM contact WHERE ${sql.join(where, sql` AND `)}
    ORDER BY contact.name LIMIT ${f.limit}`.execute(db);
  return checkRows('search.findPhoneCandidates', CandidateRowSchema, rows);
}

export interface CurrentPosition {
  person_id: string;
  title: string;
  organization_name: string;
}

/**
 * One current position (no end date) of each of these people, at an organisation the actor may see: the focal-point
 * one first, then the most recently started. One indexed query (position_person_idx) for a page of results.
 */
export async function currentPositions(db: Db, personIds: string[], visibleGovernorates: string[] | null): Promise<CurrentPosition[]> {
  if (personIds.length === 0) return [];
  const rows = await db
    .selectFrom('position')
    .innerJoin('contact as org', 'org.id', 'position.organization_id')
    .select(['position.person_id', 'position.title', 'org.name as organization_name'])
    .where('position.person_id', 'in', personIds)
    .where('position.end_date', 'is', null)
    .$if(visibleGovernorates !== null, (qb) => qb.where(contactInScope('position.organization_id', visibleGovernorates!)))
    .orderBy('position.person_id')
    .orderBy('position.is_focal_point', 'desc')
    .orderBy(sql`position.start_date DESC NULLS LAST`)
    .orderBy('position.created_at', 'desc')
    .execute();
  return rows.filter((row, i) => i === 0 || rows[i - 1].person_id !== row.person_id);
}

/**
 * The contacts this user most recently wrote (and, for restricted ones, opened), most recent first, from their last
 * `actions` audited actions: one scan of audit_log_user_at_idx, bounded by the limit.
 */
export async function recentlyTouchedContacts(db: Db, userId: string, actions: number): Promise<string[]> {
  const { rows } = await sql<{ entity_id: string }>`
    SELECT entity_id FROM (
      SELECT entity_type, entity_id, at, id FROM audit_log WHERE user_id = ${userId} ORDER BY at DESC, id DESC LIMIT ${actions}
    ) latest WHERE entity_type = 'contact' AND entity_id IS NOT NULL ORDER BY at DESC, id DESC`.execute(db);
  return [...new Set(rows.map((r) => r.entity_id))];
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
