import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/database.js';
import { PERSON_KINDS } from '../../domain/contact-kinds.js';
import type { ReportPeriod } from '../../domain/programmes/report-period.js';

/**
 * The facts every figure of a donor report is counted from, as SQL fragments shared by the report, its people list,
 * the 3W and the HXL activities.
 *
 * An event is in the report when it is attributed to the programme and starts within the period (its Baghdad calendar
 * day). An attendance is a checked-in invitation (status attended) whose attendee (the invited person, or the person
 * who came for an invited organisation or team) is a person. It counts for the governorate chosen for it on the event
 * (issue 14 item 3), else the invited contact's first governorate (as quotas count it), else none. A governorate-limited
 * caller sees only attendances counting for their governorates.
 */

export interface ReportScope {
  programmeId: string;
  period: ReportPeriod;
  /** null: every governorate. */
  governorates: string[] | null;
  /** The attendances are already in the temporary table report_attendance (this transaction; see withAttendanceTable). */
  attendanceTable?: boolean;
}

export const eventDay = (column: string) => sql<string>`(${sql.ref(column)} AT TIME ZONE 'Asia/Baghdad')::date`;

/** The instant a Baghdad calendar day begins. */
export const dayStart = (day: RawBuilder<unknown>) => sql`(${day}::timestamp AT TIME ZONE 'Asia/Baghdad')`;

/**
 * An instant within the period's Baghdad days, written as a range on the column itself (not on its day) so the planner
 * can estimate it from the column's statistics: a misestimate here (2 events for 300) made it repeat joins per row.
 */
export const withinPeriod = (column: string, period: ReportPeriod) =>
  sql`${sql.ref(column)} >= ${dayStart(sql`${period.from}::date`)} AND ${sql.ref(column)} < ${dayStart(sql`(${period.to}::date + 1)`)}`;

/** The programme's events starting within the period: columns id, day. */
export function periodEvents(s: ReportScope): RawBuilder<unknown> {
  return sql`SELECT e.id, ${eventDay('e.starts_at')} AS day, e.starts_at
    FROM event_programme ep JOIN event e ON e.id = ep.event_id
    WHERE ep.programme_id = ${s.programmeId} AND ${withinPeriod('e.starts_at', s.period)}`;
}

/** Attendances in scope: attendee_id, event_id, day, starts_at, kind, gender, governorate (null: counts for none). */
export function attendances(s: ReportScope): RawBuilder<unknown> {
  const inScope = s.governorates === null ? sql`TRUE` : sql`a.governorate = ANY(${s.governorates}::text[])`;
  return sql`SELECT a.* FROM (
      SELECT i.attendee_id, i.event_id, pe.day, pe.starts_at, p.kind, p.gender,
        COALESCE(i.quota_governorate,
          (SELECT min(cg.governorate_code) FROM contact_governorate cg WHERE cg.contact_id = i.contact_id)) AS governorate
      FROM (${periodEvents(s)}) pe
      JOIN invitation i ON i.event_id = pe.id AND i.status = 'attended'
      JOIN contact p ON p.id = i.attendee_id AND p.kind IN (${sql.join(PERSON_KINDS)})
    ) a WHERE ${inScope}`;
}

/** A contact whose directory governorates meet the caller's (every contact for an unscoped caller). */
export function contactInScope(column: string, governorates: string[] | null): RawBuilder<boolean> {
  if (governorates === null) return sql<boolean>`TRUE`;
  return sql<boolean>`EXISTS (SELECT 1 FROM contact_governorate sg WHERE sg.contact_id = ${sql.ref(column)}
    AND sg.governorate_code = ANY(${governorates}::text[]))`;
}

/**
 * The `att` common table expression of a statement: the scope's attendances, computed once per statement
 * (MATERIALIZED, as several parts of one statement read them), or read from the report's temporary table.
 */
export const attendanceCte = (s: ReportScope) =>
  s.attendanceTable ? sql`att AS (SELECT * FROM report_attendance)` : sql`att AS MATERIALIZED (${attendances(s)})`;

/**
 * Runs `work` with the scope's attendances computed once into a temporary table (dropped at commit), for the donor
 * report, whose five statements all read them: on 30k invitations that is one pass instead of five. `db` must be a
 * transaction.
 */
export async function withAttendanceTable<T>(db: Db, s: ReportScope, work: (s: ReportScope) => Promise<T>): Promise<T> {
  await sql`CREATE TEMPORARY TABLE report_attendance ON COMMIT DROP AS ${attendances(s)}`.execute(db);
  return work({ ...s, attendanceTable: true });
}
