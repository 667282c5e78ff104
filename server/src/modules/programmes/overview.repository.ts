import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/database.js';
import type { EventType } from '../../domain/events/vocabulary.js';

/**
 * The programme page's figures (docs/api-programmes.md). Each figure is a set of (contact, month) facts; a contact
 * counts once in a total, once per month, and once in its first governorate (lowest code, as the event summary's
 * fallback), kind and gender. A scoped caller's figures count only contacts in their governorates, as the statistics do.
 */

const month = (column: string) => sql<string>`to_char(${sql.ref(column)} AT TIME ZONE 'UTC', 'YYYY-MM')`;
const dayMonth = (column: string) => sql<string>`to_char(${sql.ref(column)}, 'YYYY-MM')`;
const eventDay = sql`(e.starts_at AT TIME ZONE 'UTC')::date`;

/** Invitations that were sent: every status but proposed and cancelled (the event summary's "invited"). */
const SENT = sql`('invited', 'confirmed', 'declined', 'attended', 'no_show')`;

function inScope(column: RawBuilder<unknown>, scope: string[] | null): RawBuilder<boolean> {
  if (scope === null) return sql<boolean>`true`;
  return sql<boolean>`EXISTS (SELECT 1 FROM contact_governorate cg_s WHERE cg_s.contact_id = ${column}
    AND cg_s.governorate_code = ANY(${scope}::text[]))`;
}

const attendedFacts = (programmeId: string) => sql`
  SELECT i.attendee_id AS contact_id, ${month('e.starts_at')} AS month
  FROM event_programme ep
  JOIN event e ON e.id = ep.event_id
  JOIN invitation i ON i.event_id = e.id AND i.status = 'attended'
  WHERE ep.programme_id = ${programmeId}`;

const reachedFacts = (programmeId: string) => sql`
  ${attendedFacts(programmeId)}
  UNION ALL
  SELECT ip.contact_id, ${dayMonth('i.occurred_on')}
  FROM interaction_programme x
  JOIN interaction i ON i.id = x.interaction_id
  JOIN interaction_participant ip ON ip.interaction_id = i.id
  WHERE x.programme_id = ${programmeId}
  UNION ALL
  SELECT pp.contact_id, ${dayMonth('pp.starts_on')}
  FROM programme_participant pp
  WHERE pp.programme_id = ${programmeId}`;

/**
 * Government bodies reached through the programme's events and interactions: the body itself, or someone holding a
 * position in it on the day (the partnerships' rule, docs/api-management.md). `source` names the event or interaction.
 */
const bodyFacts = (programmeId: string) => sql`
  SELECT inv.contact_id AS contact_id, ${month('e.starts_at')} AS month, 'event' AS source_kind, e.id AS source_id
  FROM event_programme ep
  JOIN event e ON e.id = ep.event_id
  JOIN invitation inv ON inv.event_id = e.id AND inv.status = 'attended'
  JOIN contact b ON b.id = inv.contact_id AND b.subtype = 'government_body'
  WHERE ep.programme_id = ${programmeId}
  UNION ALL
  SELECT p.organization_id, ${month('e.starts_at')}, 'event', e.id
  FROM event_programme ep
  JOIN event e ON e.id = ep.event_id
  JOIN invitation inv ON inv.event_id = e.id AND inv.status = 'attended'
  JOIN position p ON p.person_id = inv.attendee_id
    AND (p.start_date IS NULL OR p.start_date <= ${eventDay}) AND (p.end_date IS NULL OR p.end_date >= ${eventDay})
  JOIN contact b ON b.id = p.organization_id AND b.subtype = 'government_body'
  WHERE ep.programme_id = ${programmeId}
  UNION ALL
  SELECT ip.contact_id, ${dayMonth('i.occurred_on')}, 'interaction', i.id
  FROM interaction_programme x
  JOIN interaction i ON i.id = x.interaction_id
  JOIN interaction_participant ip ON ip.interaction_id = i.id
  JOIN contact b ON b.id = ip.contact_id AND b.subtype = 'government_body'
  WHERE x.programme_id = ${programmeId}
  UNION ALL
  SELECT p.organization_id, ${dayMonth('i.occurred_on')}, 'interaction', i.id
  FROM interaction_programme x
  JOIN interaction i ON i.id = x.interaction_id
  JOIN interaction_participant ip ON ip.interaction_id = i.id
  JOIN position p ON p.person_id = ip.contact_id
    AND (p.start_date IS NULL OR p.start_date <= i.occurred_on) AND (p.end_date IS NULL OR p.end_date >= i.occurred_on)
  JOIN contact b ON b.id = p.organization_id AND b.subtype = 'government_body'
  WHERE x.programme_id = ${programmeId}`;

export interface FigureRow {
  dimension: 'total' | 'governorate' | 'kind' | 'gender' | 'month';
  value: string | null;
  n: number;
}

/** Unique contacts of `facts`: in all, and by first governorate, kind, gender and month, in one pass. */
async function figures(db: Db, facts: RawBuilder<unknown>, scope: string[] | null): Promise<FigureRow[]> {
  const result = await sql<{
    g: number;
    k: number;
    s: number;
    m: number;
    governorate: string | null;
    kind: string;
    gender: string | null;
    month: string;
    n: number;
  }>`
    WITH fact AS (${facts}),
    described AS (
      SELECT DISTINCT f.contact_id, f.month, c.kind, c.gender,
        (SELECT min(cg.governorate_code) FROM contact_governorate cg WHERE cg.contact_id = c.id) AS governorate
      FROM fact f JOIN contact c ON c.id = f.contact_id
      WHERE ${inScope(sql`c.id`, scope)}
    )
    SELECT grouping(governorate) AS g, grouping(kind) AS k, grouping(gender) AS s, grouping(month) AS m,
      governorate, kind, gender, month, count(DISTINCT contact_id)::int AS n
    FROM described
    GROUP BY GROUPING SETS ((governorate), (kind), (gender), (month), ())`.execute(db);
  return result.rows.map((r) => {
    if (r.g === 0) return { dimension: 'governorate', value: r.governorate, n: r.n };
    if (r.k === 0) return { dimension: 'kind', value: r.kind, n: r.n };
    if (r.s === 0) return { dimension: 'gender', value: r.gender, n: r.n };
    if (r.m === 0) return { dimension: 'month', value: r.month, n: r.n };
    return { dimension: 'total', value: null, n: r.n };
  });
}

export const attendanceFigures = (db: Db, programmeId: string, scope: string[] | null) => figures(db, attendedFacts(programmeId), scope);
export const reachedFigures = (db: Db, programmeId: string, scope: string[] | null) => figures(db, reachedFacts(programmeId), scope);
export const bodyFigures = (db: Db, programmeId: string, scope: string[] | null) =>
  figures(db, sql`SELECT contact_id, month FROM (${bodyFacts(programmeId)}) b`, scope);

/** Invitations sent for the programme's events, to contacts in scope. */
export async function invitationCount(db: Db, programmeId: string, scope: string[] | null): Promise<number> {
  const result = await sql<{ n: number }>`
    SELECT count(*)::int AS n
    FROM event_programme ep JOIN invitation i ON i.event_id = ep.event_id
    WHERE ep.programme_id = ${programmeId} AND i.status IN ${SENT} AND ${inScope(sql`i.attendee_id`, scope)}`.execute(db);
  return result.rows[0].n;
}

export interface BodyRow {
  id: string;
  name: string;
  governorates: string[];
  events: number;
  interactions: number;
  last_month: string;
}

export async function bodiesReached(db: Db, programmeId: string, scope: string[] | null): Promise<BodyRow[]> {
  const result = await sql<BodyRow>`
    WITH fact AS (${bodyFacts(programmeId)})
    SELECT c.id, c.name,
      array(SELECT cg.governorate_code FROM contact_governorate cg WHERE cg.contact_id = c.id ORDER BY 1) AS governorates,
      count(DISTINCT f.source_id) FILTER (WHERE f.source_kind = 'event')::int AS events,
      count(DISTINCT f.source_id) FILTER (WHERE f.source_kind = 'interaction')::int AS interactions,
      max(f.month) AS last_month
    FROM fact f JOIN contact c ON c.id = f.contact_id
    WHERE ${inScope(sql`c.id`, scope)}
    GROUP BY c.id, c.name
    ORDER BY c.name, c.id`.execute(db);
  return result.rows;
}

export interface ProgrammeEventRow {
  id: string;
  title: string;
  type: EventType;
  starts_at: Date;
  ends_at: Date;
  governorate_code: string | null;
  invited: number;
  attended: number;
}

export async function programmeEvents(db: Db, programmeId: string, scope: string[] | null): Promise<ProgrammeEventRow[]> {
  const result = await sql<ProgrammeEventRow>`
    SELECT e.id, e.title, e.type, e.starts_at, e.ends_at, e.governorate_code,
      count(i.id) FILTER (WHERE i.status IN ${SENT})::int AS invited,
      count(DISTINCT i.attendee_id) FILTER (WHERE i.status = 'attended')::int AS attended
    FROM event_programme ep
    JOIN event e ON e.id = ep.event_id
    LEFT JOIN invitation i ON i.event_id = e.id AND ${inScope(sql`i.attendee_id`, scope)}
    WHERE ep.programme_id = ${programmeId}
    GROUP BY e.id
    ORDER BY e.starts_at, e.id`.execute(db);
  return result.rows;
}
