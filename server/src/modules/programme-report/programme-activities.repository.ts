import { sql } from 'kysely';
import { Type } from 'typebox';
import type { Db } from '../../db/database.js';
import { checkRows, nullable } from '../../db/check-rows.js';
import { attendanceCte, eventDay, periodEvents, type ReportScope } from './report-attendance.sql.js';

/**
 * A programme's activities for HXL and the 3W: its events in the period, where they were held and who ran them, with
 * the people reached counted once per row (distinct attendees, gender split, the caller's scope as in the donor report).
 * The implementing organisation of an event is an organisation or team on its list with the role "organiser".
 */
const text = Type.String();
const count = Type.Integer({ minimum: 0 });
const reachedColumns = {
  female: count,
  male: count,
  unknown: count,
  total: count,
};
const reachedSql = sql`count(DISTINCT att.attendee_id) FILTER (WHERE att.gender = 'female')::int AS female,
  count(DISTINCT att.attendee_id) FILTER (WHERE att.gender = 'male')::int AS male,
  count(DISTINCT att.attendee_id) FILTER (WHERE att.attendee_id IS NOT NULL AND att.gender IS NULL)::int AS unknown,
  count(DISTINCT att.attendee_id)::int AS total`;

/** Events in the period held in the caller's governorates (every event, and those with none, for an unscoped caller). */
const heldInScope = (s: ReportScope) => (s.governorates === null ? sql`TRUE` : sql`e.governorate_code = ANY(${s.governorates}::text[])`);

const organisers = sql`SELECT i.event_id, o.id, o.name FROM invitation i
  JOIN contact o ON o.id = i.contact_id AND o.kind IN ('organization', 'volunteer_team')
  WHERE i.role = 'organiser' AND i.status <> 'cancelled'`;

const ActivityRowSchema = Type.Object({
  id: text,
  title: text,
  startsOn: text,
  endsOn: text,
  governorate: nullable(text),
  organisers: Type.Array(text),
  ...reachedColumns,
});

export async function activities(db: Db, s: ReportScope) {
  const { rows } = await sql`WITH ${attendanceCte(s)}
    SELECT e.id, e.title, ${eventDay('e.starts_at')}::text AS "startsOn", ${eventDay('e.ends_at')}::text AS "endsOn",
      e.governorate_code AS governorate,
      ARRAY(SELECT org.name FROM (${organisers}) org WHERE org.event_id = e.id ORDER BY org.name) AS organisers,
      ${reachedSql}
    FROM (${periodEvents(s)}) pe JOIN event e ON e.id = pe.id LEFT JOIN att ON att.event_id = e.id
    WHERE ${heldInScope(s)}
    GROUP BY e.id ORDER BY e.starts_at, e.id`.execute(db);
  return checkRows('programmeActivities.activities', ActivityRowSchema, rows);
}

const ThreeWRowSchema = Type.Object({
  organisation: nullable(text),
  governorate: nullable(text),
  events: count,
  firstOn: text,
  lastOn: text,
  ...reachedColumns,
});

/**
 * Who does what where: one row per implementing organisation × governorate where events were held (an event with no
 * organiser named is under a null organisation), people reached counted once in each row.
 */
export async function threeW(db: Db, s: ReportScope) {
  const { rows } = await sql`WITH ${attendanceCte(s)},
    ev AS (SELECT e.id, e.governorate_code, pe.day FROM (${periodEvents(s)}) pe JOIN event e ON e.id = pe.id WHERE ${heldInScope(s)}),
    org AS MATERIALIZED (SELECT o.* FROM (${organisers}) o WHERE o.event_id IN (SELECT id FROM ev))
    SELECT org.name AS organisation, ev.governorate_code AS governorate, count(DISTINCT ev.id)::int AS events,
      min(ev.day)::text AS "firstOn", max(ev.day)::text AS "lastOn", ${reachedSql}
    FROM ev LEFT JOIN org ON org.event_id = ev.id LEFT JOIN att ON att.event_id = ev.id
    GROUP BY org.id, org.name, ev.governorate_code
    ORDER BY org.name NULLS LAST, ev.governorate_code NULLS LAST`.execute(db);
  return checkRows('programmeActivities.threeW', ThreeWRowSchema, rows);
}

/** The programme's donors' names (its funders in HXL terms). */
export async function donorNames(db: Db, programmeId: string): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`SELECT c.name FROM programme_donor d JOIN contact c ON c.id = d.contact_id
    WHERE d.programme_id = ${programmeId} ORDER BY c.name`.execute(db);
  return rows.map((r) => r.name);
}
