import { sql } from 'kysely';
import { Type } from 'typebox';
import type { Db } from '../../db/database.js';
import { checkRows, nullable, oneOf } from '../../db/check-rows.js';
import { CONTACT_KINDS, GENDERS } from '../../domain/contact-kinds.js';
import { EVENT_TYPES } from '../../domain/events/vocabulary.js';
import type { CubeRow } from '../../domain/programmes/attendance-table.js';
import { attendanceCte, contactInScope, dayStart, eventDay, periodEvents, type ReportScope } from './report-attendance.sql.js';

const text = Type.String();
const count = Type.Integer({ minimum: 0 });
const gender = nullable(oneOf(GENDERS));

const ProgrammeRowSchema = Type.Object({
  id: text,
  nameAr: text,
  nameEn: nullable(text),
  nameKu: nullable(text),
  startsOn: text,
  endsOn: nullable(text),
  sector: nullable(text),
  governorates: Type.Array(text),
});

export async function findProgramme(db: Db, id: string) {
  const { rows } = await sql`SELECT id, name_ar AS "nameAr", name_en AS "nameEn", name_ku AS "nameKu",
      starts_on::text AS "startsOn", ends_on::text AS "endsOn", sector,
      ARRAY(SELECT pg.governorate_code FROM programme_governorate pg WHERE pg.programme_id = programme.id
        ORDER BY pg.governorate_code) AS governorates
    FROM programme WHERE id = ${id}`.execute(db);
  return checkRows('programmeReport.findProgramme', ProgrammeRowSchema, rows)[0] ?? null;
}

const CubeRowSchema = Type.Object({
  governorate: nullable(text),
  kind: nullable(oneOf(CONTACT_KINDS)),
  gender,
  allGovernorates: Type.Boolean(),
  allKinds: Type.Boolean(),
  allGenders: Type.Boolean(),
  people: count,
  attendances: count,
});

/** Distinct people for every cell and every total of governorate × kind × gender, in one pass (CUBE). */
export async function attendanceCube(db: Db, s: ReportScope): Promise<CubeRow[]> {
  const { rows } = await sql`WITH ${attendanceCte(s)}
    SELECT governorate, kind, gender,
      GROUPING(governorate) = 1 AS "allGovernorates", GROUPING(kind) = 1 AS "allKinds", GROUPING(gender) = 1 AS "allGenders",
      count(DISTINCT attendee_id)::int AS people, count(*)::int AS attendances
    FROM att GROUP BY CUBE (governorate, kind, gender)`.execute(db);
  return checkRows('programmeReport.attendanceCube', CubeRowSchema, rows);
}

const ReachedSchema = Type.Object({ attendees: count, listed: count, total: count, unnamedRepresentatives: count });

/**
 * People reached, each once: attendees in the period, and people marked as the programme's participants or
 * beneficiaries for dates meeting the period; their union is the total. Organisations and teams checked in without
 * naming who came are counted apart (no person to count).
 */
export async function reached(db: Db, s: ReportScope) {
  const { rows } = await sql`WITH ${attendanceCte(s)},
    listed AS (
      SELECT DISTINCT pp.contact_id FROM programme_participant pp JOIN contact c ON c.id = pp.contact_id
      WHERE pp.programme_id = ${s.programmeId} AND c.kind IN ('activist', 'government_focal_point')
        AND pp.starts_on <= ${s.period.to}::date AND (pp.ends_on IS NULL OR pp.ends_on >= ${s.period.from}::date)
        AND ${contactInScope('pp.contact_id', s.governorates)})
    SELECT (SELECT count(DISTINCT attendee_id) FROM att)::int AS attendees,
      (SELECT count(*) FROM listed)::int AS listed,
      (SELECT count(*) FROM (SELECT attendee_id FROM att UNION SELECT contact_id FROM listed) u)::int AS total,
      (SELECT count(*) FROM (${periodEvents(s)}) pe JOIN invitation i ON i.event_id = pe.id AND i.status = 'attended'
        JOIN contact o ON o.id = i.attendee_id AND o.kind IN ('organization', 'volunteer_team')
        WHERE ${contactInScope('o.id', s.governorates)})::int AS "unnamedRepresentatives"`.execute(db);
  return checkRows('programmeReport.reached', ReachedSchema, rows)[0];
}

const EventRowSchema = Type.Object({
  id: text,
  title: text,
  type: oneOf(EVENT_TYPES),
  startsOn: text,
  endsOn: text,
  governorate: nullable(text),
  female: count,
  male: count,
  unknown: count,
  total: count,
});

/**
 * The events held: attributed, starting in the period. A governorate-limited caller sees the events in their
 * governorates and those where someone counting for them attended, with only that attendance.
 */
export async function eventsHeld(db: Db, s: ReportScope) {
  const { rows } = await sql`WITH ${attendanceCte(s)}
    SELECT e.id, e.title, e.type, ${eventDay('e.starts_at')}::text AS "startsOn", ${eventDay('e.ends_at')}::text AS "endsOn",
      e.governorate_code AS governorate,
      count(DISTINCT att.attendee_id) FILTER (WHERE att.gender = 'female')::int AS female,
      count(DISTINCT att.attendee_id) FILTER (WHERE att.gender = 'male')::int AS male,
      count(DISTINCT att.attendee_id) FILTER (WHERE att.attendee_id IS NOT NULL AND att.gender IS NULL)::int AS unknown,
      count(DISTINCT att.attendee_id)::int AS total
    FROM (${periodEvents(s)}) pe JOIN event e ON e.id = pe.id LEFT JOIN att ON att.event_id = e.id
    GROUP BY e.id
    HAVING ${s.governorates === null ? sql`TRUE` : sql`e.governorate_code = ANY(${s.governorates}::text[]) OR count(att.attendee_id) > 0`}
    ORDER BY e.starts_at, e.id`.execute(db);
  return checkRows('programmeReport.eventsHeld', EventRowSchema, rows);
}

const BodyRowSchema = Type.Object({
  id: text,
  name: text,
  governorates: Type.Array(text),
  events: count,
  interactions: count,
});

/**
 * Government bodies engaged in the period: a body invited to an attributed event (invited, confirmed, attended or a
 * no-show: asked and not refused), represented there (a person who checked in held a position in it on the event's
 * day), or taking part in an attributed interaction, itself or through a person holding a position in it that day.
 * A governorate-limited caller sees the bodies filed under their governorates.
 */
export async function governmentBodies(db: Db, s: ReportScope) {
  const heldOn = (person: string, day: string) => sql`JOIN position p ON p.person_id = ${sql.ref(person)}
      AND (p.start_date IS NULL OR p.start_date <= ${sql.ref(day)}) AND (p.end_date IS NULL OR p.end_date >= ${sql.ref(day)})
      JOIN contact b ON b.id = p.organization_id AND b.subtype = 'government_body'`;
  const { rows } = await sql`WITH pe AS (${periodEvents(s)}),
    px AS (
      SELECT x.id, x.occurred_on AS day FROM interaction_programme ip JOIN interaction x ON x.id = ip.interaction_id
      WHERE ip.programme_id = ${s.programmeId} AND x.occurred_on BETWEEN ${s.period.from}::date AND ${s.period.to}::date),
    engaged AS (
      SELECT i.contact_id AS body_id, pe.id AS event_id, NULL::uuid AS interaction_id
        FROM pe JOIN invitation i ON i.event_id = pe.id AND i.status IN ('invited', 'confirmed', 'attended', 'no_show')
        JOIN contact b ON b.id = i.contact_id AND b.subtype = 'government_body'
      UNION ALL
      SELECT b.id, pe.id, NULL FROM pe JOIN invitation i ON i.event_id = pe.id AND i.status = 'attended'
        ${heldOn('i.attendee_id', 'pe.day')}
      UNION ALL
      SELECT b.id, NULL, px.id FROM px JOIN interaction_participant xp ON xp.interaction_id = px.id
        JOIN contact b ON b.id = xp.contact_id AND b.subtype = 'government_body'
      UNION ALL
      SELECT b.id, NULL, px.id FROM px JOIN interaction_participant xp ON xp.interaction_id = px.id
        ${heldOn('xp.contact_id', 'px.day')})
    SELECT b.id, b.name,
      ARRAY(SELECT cg.governorate_code FROM contact_governorate cg WHERE cg.contact_id = b.id ORDER BY cg.governorate_code) AS governorates,
      count(DISTINCT engaged.event_id)::int AS events, count(DISTINCT engaged.interaction_id)::int AS interactions
    FROM engaged JOIN contact b ON b.id = engaged.body_id
    WHERE ${contactInScope('b.id', s.governorates)}
    GROUP BY b.id ORDER BY b.name, b.id`.execute(db);
  return checkRows('programmeReport.governmentBodies', BodyRowSchema, rows);
}

const NewActivistSchema = Type.Object({ id: text, name: text, gender, firstOn: text, firstEventId: text, total: count });

/**
 * New activists: activists whose first attendance at any event attributed to the programme (ever, in any governorate)
 * falls within the period, among those the caller sees attending in the period. Put the other way round: activists
 * attending in the period who never attended one of the programme's events before it. The date and event shown are
 * their first attendance in the period that the caller sees.
 */
export async function newActivists(db: Db, s: ReportScope, limit: number | null = null) {
  const { rows } = await sql`WITH ${attendanceCte(s)},
    earlier AS (
      SELECT i.attendee_id FROM event_programme ep JOIN event e ON e.id = ep.event_id
      JOIN invitation i ON i.event_id = e.id AND i.status = 'attended'
      WHERE ep.programme_id = ${s.programmeId} AND e.starts_at < ${dayStart(sql`${s.period.from}::date`)}),
    firsts AS (
      SELECT attendee_id, min(day) AS first_on, (array_agg(event_id ORDER BY starts_at, event_id))[1] AS first_event_id
      FROM att WHERE kind = 'activist' AND attendee_id NOT IN (SELECT attendee_id FROM earlier)
      GROUP BY attendee_id)
    SELECT a.id, a.name, a.gender, f.first_on::text AS "firstOn", f.first_event_id::text AS "firstEventId",
      (count(*) OVER ())::int AS total
    FROM firsts f JOIN contact a ON a.id = f.attendee_id
    ORDER BY f.first_on, a.name, a.id ${limit === null ? sql`` : sql`LIMIT ${limit}`}`.execute(db);
  const found = checkRows('programmeReport.newActivists', NewActivistSchema, rows);
  return { count: found[0]?.total ?? 0, items: found.map(({ total: _total, ...a }) => a) };
}

const PersonRowSchema = Type.Object({
  id: text,
  name: text,
  kind: oneOf(CONTACT_KINDS),
  gender,
  attendances: count,
  total: count,
});

export interface PeopleCell {
  /** undefined: any; null: counts for no governorate. */
  governorate?: string | null;
  kind?: string;
  /** undefined: any; null: no gender recorded. */
  gender?: string | null;
  /** Only these people (the new activists). */
  only?: string[];
}

/** The people behind one figure of the report: who attended, with how many check-ins, by name. */
export async function peopleBehind(db: Db, s: ReportScope, cell: PeopleCell, page: { limit: number; offset: number }) {
  const where = [sql`TRUE`];
  if (cell.governorate !== undefined)
    where.push(cell.governorate === null ? sql`att.governorate IS NULL` : sql`att.governorate = ${cell.governorate}`);
  if (cell.kind !== undefined) where.push(sql`att.kind = ${cell.kind}`);
  if (cell.gender !== undefined) where.push(cell.gender === null ? sql`att.gender IS NULL` : sql`att.gender = ${cell.gender}`);
  if (cell.only !== undefined) where.push(sql`att.attendee_id = ANY(${cell.only}::uuid[])`);
  const { rows } = await sql`WITH ${attendanceCte(s)}
    SELECT c.id, c.name, c.kind, c.gender, count(*)::int AS attendances, (count(*) OVER ())::int AS total
    FROM att JOIN contact c ON c.id = att.attendee_id
    WHERE ${sql.join(where, sql` AND `)}
    GROUP BY c.id ORDER BY c.name, c.id LIMIT ${page.limit} OFFSET ${page.offset}`.execute(db);
  const people = checkRows('programmeReport.peopleBehind', PersonRowSchema, rows);
  return { total: people[0]?.total ?? 0, items: people.map(({ total: _total, ...p }) => p) };
}
