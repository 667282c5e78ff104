import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/database.js';
import { Type } from 'typebox';
import { CONTACT_KINDS, GENDERS, PERSON_KINDS, type ContactKind, type Gender } from '../../domain/contact-kinds.js';
import { DateColumn, checkRows, nullable, oneOf } from '../../db/check-rows.js';
import type { QuotaDimension } from '../../domain/events/vocabulary.js';

export interface QuotaKey {
  dimension: QuotaDimension;
  value: string;
}

export interface PoolRow {
  id: string;
  kind: ContactKind;
  gender: Gender | null;
  governorates: string[];
  last_invited_at: Date | null;
  attended: number;
}

export interface PoolQuery {
  eventId: string;
  /** Each short quota gets its own best `perQuota` candidates; none: the freshest contacts overall. */
  short: QuotaKey[];
  /** Quotas at their maximum: anyone matching them is left out. */
  full: QuotaKey[];
  /** People on the list (as contact or representative) and those dismissed for this event: a few hundred at most. */
  exclude: string[];
  cutoff: Date;
  visibleGovernorates: string[] | null;
  perQuota: number;
}

function matches(q: QuotaKey): RawBuilder<boolean> {
  if (q.dimension === 'governorate') {
    return sql<boolean>`EXISTS (SELECT 1 FROM contact_governorate g WHERE g.contact_id = c.id AND g.governorate_code = ${q.value})`;
  }
  return q.dimension === 'kind' ? sql<boolean>`c.kind = ${q.value}` : sql<boolean>`c.gender IS NOT DISTINCT FROM ${q.value}`;
}

/**
 * A person (offices and teams come only through whoever represents them), not excluded (on the list or dismissed),
 * in scope, and matching no full quota: one person counts in one governorate, so a full governorate leaves out only
 * those with no other governorate to count in.
 */
function eligible(p: PoolQuery): RawBuilder<boolean> {
  const fullGovernorates = p.full.filter((q) => q.dimension === 'governorate').map((q) => q.value);
  const fullOther = p.full.filter((q) => q.dimension !== 'governorate');
  return sql<boolean>`c.id <> ALL(${sql.val(p.exclude)}::uuid[])
    AND c.kind IN (${sql.join(PERSON_KINDS)})
    ${fullOther.length ? sql`AND NOT (${sql.join(fullOther.map(matches), sql` OR `)})` : sql``}
    ${
      fullGovernorates.length
        ? sql`AND EXISTS (SELECT 1 FROM contact_governorate fg WHERE fg.contact_id = c.id
      AND fg.governorate_code <> ALL(${sql.val(fullGovernorates)}::text[]))`
        : sql``
    }
    ${
      p.visibleGovernorates
        ? sql`AND EXISTS (SELECT 1 FROM contact_governorate s WHERE s.contact_id = c.id
      AND s.governorate_code IN (${sql.join(p.visibleGovernorates)}))`
        : sql``
    }`;
}

/** Invited (status past proposed, not cancelled) to another event, as the contact or as a representative. */
function everInvited(p: PoolQuery, column: 'contact_id' | 'representative_id'): RawBuilder<boolean> {
  return sql<boolean>`EXISTS (SELECT 1 FROM invitation i WHERE i.${sql.raw(column)} = c.id AND i.event_id <> ${p.eventId}
    AND i.status NOT IN ('proposed', 'cancelled'))`;
}

/**
 * People never invited come first and are all equal (never invited, never attended), so their top N is the first N
 * by id: the index on (governorate_code, contact_id) or the primary key is read in order and the scan stops early.
 */
function freshPart(p: PoolQuery, q: QuotaKey | null, k: number): RawBuilder<unknown> {
  const fresh = sql`NOT ${everInvited(p, 'contact_id')} AND NOT ${everInvited(p, 'representative_id')} AND ${eligible(p)}`;
  if (q?.dimension === 'governorate') {
    return sql`(SELECT ${k}::int AS q, c.id FROM contact_governorate src JOIN contact c ON c.id = src.contact_id
      WHERE src.governorate_code = ${q.value} AND ${fresh} ORDER BY src.contact_id LIMIT ${p.perQuota})`;
  }
  return sql`(SELECT ${k}::int AS q, c.id FROM contact c WHERE ${q ? matches(q) : sql`TRUE`} AND ${fresh}
    ORDER BY c.id LIMIT ${p.perQuota})`;
}

/** Invitation history per person, over the (small) invitation table: last invitation and times attended. */
const HISTORY = (p: PoolQuery) => sql`hist AS (
  SELECT x.cid AS contact_id,
    max(e.starts_at) FILTER (WHERE i.status NOT IN ('proposed', 'cancelled')) AS last_invited_at,
    count(*) FILTER (WHERE i.status = 'attended')::int AS attended
  FROM invitation i
  JOIN event e ON e.id = i.event_id
  CROSS JOIN LATERAL (VALUES (i.contact_id), (i.representative_id)) AS x(cid)
  WHERE x.cid IS NOT NULL AND i.event_id <> ${p.eventId}
  GROUP BY x.cid)`;

/** People invited before: not lately first, then those who attended least. */
function seasonedPart(p: PoolQuery, q: QuotaKey | null, k: number): RawBuilder<unknown> {
  return sql`(SELECT ${k}::int AS q, c.id, h.last_invited_at, h.attended FROM hist h JOIN contact c ON c.id = h.contact_id
    WHERE h.last_invited_at IS NOT NULL AND ${q ? matches(q) : sql`TRUE`} AND ${eligible(p)}
    ORDER BY CASE WHEN h.last_invited_at < ${p.cutoff} THEN 0 ELSE 1 END, h.attended, c.id LIMIT ${p.perQuota})`;
}

/**
 * The candidate pool, aggregated in SQL: for each short quota its freshest eligible contacts. Never-invited people
 * are found by an ordered index scan that stops after N; only quotas that run short of them look at people invited
 * before, through the per-person history aggregate.
 */
const FreshSchema = Type.Object({ q: Type.Integer(), id: Type.String() });
const SeasonedSchema = Type.Object({ q: Type.Integer(), id: Type.String(), last_invited_at: DateColumn, attended: Type.Integer() });
const PersonSchema = Type.Object({
  id: Type.String(),
  kind: oneOf(CONTACT_KINDS),
  gender: nullable(oneOf(GENDERS)),
  governorates: Type.Array(Type.String()),
});

export async function suggestionPool(db: Db, p: PoolQuery): Promise<PoolRow[]> {
  const quotas = p.short.length ? p.short : [null];
  const freshRows = await sql`${sql.join(
    quotas.map((q, k) => freshPart(p, q, k)),
    sql` UNION ALL `,
  )}`.execute(db);
  const fresh = checkRows('suggestions.suggestionPool (fresh)', FreshSchema, freshRows.rows);
  const found = quotas.map((_, k) => fresh.filter((r) => r.q === k).length);
  const lacking = quotas.map((q, k) => ({ q, k })).filter(({ k }) => found[k] < p.perQuota);
  const seasonedRows = lacking.length
    ? await sql`WITH ${HISTORY(p)} ${sql.join(
        lacking.map(({ q, k }) => seasonedPart(p, q, k)),
        sql` UNION ALL `,
      )}`.execute(db)
    : { rows: [] };
  const seasoned = checkRows('suggestions.suggestionPool (seasoned)', SeasonedSchema, seasonedRows.rows);
  // Fresh people have no history by definition; the others bring theirs from the aggregate.
  const history = new Map(seasoned.map((r) => [r.id, { last_invited_at: new Date(r.last_invited_at), attended: r.attended }]));
  const ids = [...new Set([...fresh, ...seasoned].map((r) => r.id))];
  if (ids.length === 0) return [];
  const people = await sql`
    SELECT c.id, c.kind, c.gender,
      array(SELECT g.governorate_code FROM contact_governorate g WHERE g.contact_id = c.id ORDER BY 1) AS governorates
    FROM contact c WHERE c.id = ANY(${sql.val(ids)}::uuid[])`.execute(db);
  const rows = checkRows('suggestions.suggestionPool (people)', PersonSchema, people.rows);
  const pool = rows.map((r) => ({ ...r, ...(history.get(r.id) ?? { last_invited_at: null, attended: 0 }) }));
  const tier = (r: PoolRow) => (r.last_invited_at === null ? 0 : r.last_invited_at < p.cutoff ? 1 : 2);
  return pool.sort((a, b) => tier(a) - tier(b) || a.attended - b.attended || (a.id < b.id ? -1 : 1));
}

export async function dismissedFor(db: Db, eventId: string): Promise<string[]> {
  const rows = await db.selectFrom('event_suggestion_dismissal').select('contact_id').where('event_id', '=', eventId).execute();
  return rows.map((r) => r.contact_id);
}

export async function dismiss(db: Db, eventId: string, contactIds: string[], userId: string): Promise<void> {
  await db
    .insertInto('event_suggestion_dismissal')
    .values(contactIds.map((contactId) => ({ event_id: eventId, contact_id: contactId, dismissed_by: userId })))
    .onConflict((oc) => oc.columns(['event_id', 'contact_id']).doNothing())
    .execute();
}
