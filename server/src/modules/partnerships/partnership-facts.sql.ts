import { sql, type RawBuilder } from 'kysely';
import type { Period } from '../../domain/partnerships/period.js';
import type { PartnershipThresholds } from '../../domain/partnerships/status.js';
import { utcDay } from '../../db/utc-days.js';

/** SQL: the contact `column` has one of `codes` among its governorates. */
export const inGovernorates = (column: string, codes: string[]): RawBuilder<boolean> =>
  sql<boolean>`EXISTS (SELECT 1 FROM contact_governorate cg_scope
    WHERE cg_scope.contact_id = ${sql.ref(column)} AND cg_scope.governorate_code = ANY(${codes}::text[]))`;

export interface BodyNameMatch {
  /** The query as typed, for a substring match on the written names. */
  text: string;
  /** Its normalised search words, each of which must start a word of the body's name. */
  words: string[];
}

export interface FactsInput {
  period: Period;
  thresholds: PartnershipThresholds;
  /** Only bodies in these governorates (a scoped user); null: all. */
  scope: string[] | null;
  q?: BodyNameMatch;
}

/** LIKE treats % and _ as wildcards: typed ones must match themselves. */
const literal = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function nameMatches(q: BodyNameMatch): RawBuilder<boolean> {
  const pattern = `%${literal(q.text)}%`;
  const written = sql<boolean>`(c.name ILIKE ${pattern} OR c.name_latin ILIKE ${pattern} OR c.name_ku ILIKE ${pattern})`;
  if (q.words.length === 0) return written;
  const words = sql.join(
    q.words.map((w) => sql`EXISTS (SELECT 1 FROM unnest(c.search_terms) term WHERE term LIKE ${`${literal(w)}%`})`),
    sql` AND `,
  );
  return sql<boolean>`(${written} OR (${words}))`;
}

/**
 * The common table expressions that end in `fact`: one row per government body with its last interaction, last
 * attended event, counts in the period, whether it has a current focal point, and its status.
 *
 * A body's contacts are its own and those of the people who held a position in it on the day (see
 * docs/api-management.md); DISTINCT / UNION keep one row per body and interaction or event however many of its people
 * took part. Everything dated after today is left out of "last contact".
 */
export function factCtes(input: FactsInput): RawBuilder<unknown> {
  const { period, thresholds } = input;
  const scope = input.scope === null ? sql`` : sql`AND ${inGovernorates('c.id', input.scope)}`;
  const q = input.q ? sql`AND ${nameMatches(input.q)}` : sql``;
  const eventDay = utcDay('e.starts_at');
  return sql`
  body AS (
    SELECT c.id, c.name, c.name_latin, c.name_ku
    FROM contact c
    WHERE c.subtype = 'government_body' ${scope} ${q}
  ),
  -- Whoever speaks for a body: the body itself (always) and each position holder (for the days of the position).
  link AS (
    SELECT b.id AS body_id, b.id AS contact_id, NULL::date AS start_date, NULL::date AS end_date FROM body b
    UNION ALL
    SELECT p.organization_id, p.person_id, p.start_date, p.end_date
    FROM position p JOIN body b ON b.id = p.organization_id
  ),
  body_interaction AS (
    SELECT DISTINCT l.body_id, i.id, i.occurred_on, i.kind, i.created_at
    FROM link l
    JOIN interaction_participant ip ON ip.contact_id = l.contact_id
    JOIN interaction i ON i.id = ip.interaction_id
    WHERE i.occurred_on <= current_date
      AND (l.start_date IS NULL OR l.start_date <= i.occurred_on)
      AND (l.end_date IS NULL OR l.end_date >= i.occurred_on)
  ),
  -- An attendance is the body's when the body was invited (whoever it sent) or the attendee spoke for it that day.
  body_event AS (
    SELECT b.id AS body_id, e.id, e.title, ${eventDay} AS day
    FROM body b
    JOIN invitation inv ON inv.contact_id = b.id AND inv.status = 'attended'
    JOIN event e ON e.id = inv.event_id
    WHERE ${eventDay} <= current_date
    UNION
    SELECT l.body_id, e.id, e.title, ${eventDay} AS day
    FROM link l
    JOIN invitation inv ON inv.attendee_id = l.contact_id AND inv.status = 'attended'
    JOIN event e ON e.id = inv.event_id
    WHERE ${eventDay} <= current_date
      AND (l.start_date IS NULL OR l.start_date <= ${eventDay})
      AND (l.end_date IS NULL OR l.end_date >= ${eventDay})
  ),
  -- One sort per fact table: the newest row per body, with the body's count in the period beside it.
  interaction_fact AS (
    SELECT DISTINCT ON (body_id) body_id, id, occurred_on, kind,
      (count(*) FILTER (WHERE occurred_on BETWEEN ${period.from}::date AND ${period.to}::date) OVER (PARTITION BY body_id))::int AS n
    FROM body_interaction ORDER BY body_id, occurred_on DESC, created_at DESC, id
  ),
  event_fact AS (
    SELECT DISTINCT ON (body_id) body_id, id, title, day,
      (count(*) FILTER (WHERE day BETWEEN ${period.from}::date AND ${period.to}::date) OVER (PARTITION BY body_id))::int AS n
    FROM body_event ORDER BY body_id, day DESC, id
  ),
  with_focal_point AS (
    SELECT DISTINCT p.organization_id AS body_id
    FROM position p JOIN body b ON b.id = p.organization_id
    WHERE p.is_focal_point
      AND (p.start_date IS NULL OR p.start_date <= current_date)
      AND (p.end_date IS NULL OR p.end_date >= current_date)
  ),
  contact_fact AS (
    SELECT b.id, b.name, b.name_latin, b.name_ku,
      li.id AS last_interaction_id, li.occurred_on AS last_interaction_on, li.kind AS last_interaction_kind,
      le.id AS last_event_id, le.day AS last_event_on, le.title AS last_event_title,
      GREATEST(li.occurred_on, le.day) AS last_contact_on,
      COALESCE(li.n, 0) AS interaction_count,
      COALESCE(le.n, 0) AS event_count,
      wf.body_id IS NOT NULL AS has_focal_point
    FROM body b
    LEFT JOIN interaction_fact li ON li.body_id = b.id
    LEFT JOIN event_fact le ON le.body_id = b.id
    LEFT JOIN with_focal_point wf ON wf.body_id = b.id
  ),
  fact AS (
    SELECT f.*,
      current_date - f.last_contact_on AS days_since_last_contact,
      CASE
        WHEN NOT f.has_focal_point THEN 'vacant'
        WHEN f.last_contact_on IS NULL THEN 'dormant'
        WHEN current_date - f.last_contact_on <= ${thresholds.activeDays}::int THEN 'active'
        WHEN current_date - f.last_contact_on <= ${thresholds.coolingDays}::int THEN 'cooling'
        ELSE 'dormant'
      END AS status
    FROM contact_fact f
  )`;
}
