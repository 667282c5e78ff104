import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/database.js';
import type { ContactSortKey } from '../../domain/contact-list.js';
import { findContactsByIds, type ContactRow } from './contacts.repository.js';
import { contactMatches, type ContactFilter, type FilterScope } from './contact-list-filter.js';

/** How one sort key orders rows: its SQL value, its type (to read a cursor back) and whether it can be null. */
interface SortValue {
  expr: RawBuilder<unknown>;
  type: 'text' | 'integer' | 'date' | 'timestamptz';
  nullable: boolean;
}

const SORT_VALUES: Record<ContactSortKey, SortValue> = {
  name: { expr: sql`contact.name`, type: 'text', nullable: false },
  nameLatin: { expr: sql`contact.name_latin`, type: 'text', nullable: true },
  kind: { expr: sql`contact.kind`, type: 'text', nullable: false },
  subtype: { expr: sql`contact.subtype`, type: 'text', nullable: true },
  // The first of the contact's governorates in the canonical list order, the same in Arabic and English.
  governorate: {
    expr: sql`(SELECT min(g.sort_order) FROM contact_governorate cg JOIN governorate g ON g.code = cg.governorate_code
      WHERE cg.contact_id = contact.id)`,
    type: 'integer',
    nullable: true,
  },
  lastContact: {
    expr: sql`(SELECT max(i.occurred_on) FROM interaction_participant ip JOIN interaction i ON i.id = ip.interaction_id
      WHERE ip.contact_id = contact.id)`,
    type: 'date',
    nullable: true,
  },
  eventsAttended: {
    expr: sql`(SELECT count(DISTINCT inv.event_id)::integer FROM invitation inv WHERE inv.attendee_id = contact.id
      AND inv.status = 'attended')`,
    type: 'integer',
    nullable: false,
  },
  createdAt: { expr: sql`contact.created_at`, type: 'timestamptz', nullable: false },
  updatedAt: { expr: sql`contact.updated_at`, type: 'timestamptz', nullable: false },
};

const ZERO: Record<SortValue['type'], string> = { text: '', integer: '0', date: '1970-01-01', timestamptz: '1970-01-01Z' };

export interface ListOrder {
  key: ContactSortKey;
  descending: boolean;
}

/**
 * The ORDER BY terms and keyset tuple of a sort: empty values go last both ways, so a nullable key is ordered by
 * (has no value, value) — one tuple compared in one direction, which row comparison can do, then the id.
 */
function orderTerms(order: ListOrder): { terms: RawBuilder<unknown>[]; types: string[] } {
  const value = SORT_VALUES[order.key];
  if (!value.nullable) return { terms: [value.expr, sql`contact.id`], types: [value.type, 'uuid'] };
  const missing = order.descending ? sql`(${value.expr} IS NOT NULL)` : sql`(${value.expr} IS NULL)`;
  return {
    terms: [missing, sql`coalesce(${value.expr}, ${sql.lit(ZERO[value.type])}::${sql.raw(value.type)})`, sql`contact.id`],
    types: ['boolean', value.type, 'uuid'],
  };
}

/** A page position: the sort tuple of the last row shown, each value as the database printed it (exact to the µs). */
export type Keyset = string[];

export interface ListPage {
  order: ListOrder | null;
  /** With a ranked search and no sort: the ranking, best first. */
  ranking: string[] | null;
  after: Keyset | null;
  limit: number;
  offset: number;
}

export type ListedRow = ContactRow & { sort_keys: Keyset };

export async function listContactPage(db: Db, f: ContactFilter, scope: FilterScope, page: ListPage): Promise<ListedRow[]> {
  const { terms, types } = page.order ? orderTerms(page.order) : { terms: [], types: [] };
  const direction = sql.raw(page.order?.descending ? 'DESC' : 'ASC');
  // Ids first, full rows after: PostgreSQL computes a select list for every row an OFFSET skips.
  let query = db
    .selectFrom('contact')
    .select('contact.id')
    .select(sql<Keyset>`ARRAY[${sql.join(terms.map((t) => sql`(${t})::text`))}]::text[]`.as('sort_keys'))
    .where((eb) => contactMatches(eb, f, scope));
  if (page.after && page.order) {
    const bound = page.after.map((v, i) => sql`${v}::${sql.raw(types[i])}`);
    const cmp = sql.raw(page.order.descending ? '<' : '>');
    query = query.where(sql<boolean>`(${sql.join(terms)}) ${cmp} (${sql.join(bound)})`);
  }
  if (page.ranking) {
    query = query.orderBy(sql`array_position(${sql.val(page.ranking)}::uuid[], contact.id)`);
  } else {
    for (const term of terms) query = query.orderBy(sql`${term} ${direction}`);
  }
  const keys = await query
    .limit(page.limit)
    .$if(!page.after, (qb) => qb.offset(page.offset))
    .execute();
  const sortKeys = new Map(keys.map((k) => [k.id, k.sort_keys]));
  const rows = await findContactsByIds(
    db,
    keys.map((k) => k.id),
  );
  return rows.map((row) => ({ ...row, sort_keys: sortKeys.get(row.id)! }));
}

/** The ids of every contact the filter matches, in name order, up to `limit` (a bulk action's "all N matching"). */
export async function matchingContactIds(db: Db, f: ContactFilter, scope: FilterScope, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('contact')
    .select('contact.id')
    .where((eb) => contactMatches(eb, f, scope))
    .orderBy('contact.name')
    .orderBy('contact.id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

export async function countContacts(db: Db, f: ContactFilter, scope: FilterScope): Promise<number> {
  const { n } = await db
    .selectFrom('contact')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where((eb) => contactMatches(eb, f, scope))
    .executeTakeFirstOrThrow();
  return Number(n);
}

export interface OrganizationRefRow {
  contact_id: string;
  id: string;
  name: string;
  title: string | null;
}

/** Each person's current position (the latest started), else the team or organisation they are a current member of. */
export async function currentOrganizations(db: Db, ids: string[]): Promise<Map<string, OrganizationRefRow>> {
  if (ids.length === 0) return new Map();
  const { rows } = await sql<OrganizationRefRow>`
    SELECT DISTINCT ON (m.contact_id) m.contact_id, m.id, m.name, m.title FROM (
      SELECT p.person_id AS contact_id, o.id, o.name, p.title, 0 AS rank, p.start_date AS since
      FROM "position" p JOIN contact o ON o.id = p.organization_id
      WHERE p.person_id = ANY(${sql.val(ids)}::uuid[]) AND (p.end_date IS NULL OR p.end_date >= current_date)
      UNION ALL
      SELECT r.from_contact_id, o.id, o.name, NULL, 1, r.start_date
      FROM relationship r JOIN relationship_type t ON t.id = r.type_id AND t.key = 'member_of'
      JOIN contact o ON o.id = r.to_contact_id
      WHERE r.from_contact_id = ANY(${sql.val(ids)}::uuid[]) AND (r.end_date IS NULL OR r.end_date >= current_date)
    ) m ORDER BY m.contact_id, m.rank, m.since DESC NULLS LAST, m.name`.execute(db);
  return new Map(rows.map((r) => [r.contact_id, r]));
}

export async function lastContactDays(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('interaction_participant as ip')
    .innerJoin('interaction as i', 'i.id', 'ip.interaction_id')
    .select(['ip.contact_id', sql<string>`max(i.occurred_on)::text`.as('day')])
    .where('ip.contact_id', 'in', ids)
    .groupBy('ip.contact_id')
    .execute();
  return new Map(rows.map((r) => [r.contact_id, r.day]));
}

export async function eventsAttendedCounts(db: Db, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('invitation')
    .select(['attendee_id', sql<number>`count(DISTINCT event_id)::integer`.as('n')])
    .where('attendee_id', 'in', ids)
    .where('status', '=', 'attended')
    .groupBy('attendee_id')
    .execute();
  return new Map(rows.map((r) => [r.attendee_id, r.n]));
}
