import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Period } from '../../domain/partnerships/period.js';
import type { PartnershipThresholds } from '../../domain/partnerships/status.js';
import { factCtes, inGovernorates } from '../partnerships/partnership-facts.sql.js';
import { utcDay, utcMidnight } from '../../db/utc-days.js';
import { CONTACT_KINDS } from '../../domain/contact-kinds.js';
import { checkRows, nullable, oneOf } from '../../db/check-rows.js';
import { Type, type Static } from 'typebox';

/** Per contact kind, in CONTACT_KINDS order. */
const KIND_COUNTS = sql`count(*) FILTER (WHERE c.kind = 'activist')::int AS activist,
  count(*) FILTER (WHERE c.kind = 'volunteer_team')::int AS volunteer_team,
  count(*) FILTER (WHERE c.kind = 'organization')::int AS organization,
  count(*) FILTER (WHERE c.kind = 'government_focal_point')::int AS government_focal_point`;

const count = Type.Integer({ minimum: 0 });
const KIND_COUNT_COLUMNS = { activist: count, volunteer_team: count, organization: count, government_focal_point: count };
export type KindCounts = Record<keyof typeof KIND_COUNT_COLUMNS, number>;

/** `AND <column> = ANY(codes)`, or nothing when every governorate counts. */
const codeIn = (column: string, codes: string[] | null): RawBuilder<unknown> =>
  codes === null ? sql`` : sql`AND ${sql.ref(column)} = ANY(${codes}::text[])`;

const contactIn = (column: string, codes: string[] | null): RawBuilder<unknown> =>
  codes === null ? sql`` : sql`AND ${inGovernorates(column, codes)}`;

/** Every month the period touches, as a set of first days, for LEFT JOINs that keep empty months. */
const months = (period: Period) => sql`SELECT generate_series(date_trunc('month', ${period.from}::timestamp),
  date_trunc('month', ${period.to}::timestamp), interval '1 month')::date AS month`;

const GovernorateRowSchema = Type.Object({
  ...KIND_COUNT_COLUMNS,
  code: Type.String(),
  bodies: count,
  active: count,
  cooling: count,
  dormant: count,
  vacant: count,
  has_focal_point: Type.Boolean(),
  last_contact_on: nullable(Type.String()),
  days_since_last_contact: nullable(Type.Integer()),
  contacts_total: count,
  events_held: count,
});
export type GovernorateRow = Static<typeof GovernorateRowSchema>;

/** One row per governorate in `codes` (null: all 19), in the list order, zeros included. */
export async function governorateFigures(
  db: Db,
  input: { period: Period; thresholds: PartnershipThresholds; codes: string[] | null },
): Promise<GovernorateRow[]> {
  const { period, codes } = input;
  const eventDay = utcDay('e.starts_at');
  const { rows } = await sql`
  WITH ${factCtes({ period, thresholds: input.thresholds, scope: codes })},
  body_figures AS (
    SELECT cg.governorate_code AS code, count(*)::int AS bodies,
      count(*) FILTER (WHERE f.status = 'active')::int AS active,
      count(*) FILTER (WHERE f.status = 'cooling')::int AS cooling,
      count(*) FILTER (WHERE f.status = 'dormant')::int AS dormant,
      count(*) FILTER (WHERE f.status = 'vacant')::int AS vacant,
      bool_or(f.has_focal_point) AS has_focal_point,
      max(f.last_contact_on) AS last_contact_on
    FROM fact f JOIN contact_governorate cg ON cg.contact_id = f.id
    GROUP BY cg.governorate_code
  ),
  contact_figures AS (
    SELECT cg.governorate_code AS code, count(*)::int AS total, ${KIND_COUNTS}
    FROM contact_governorate cg JOIN contact c ON c.id = cg.contact_id
    WHERE true ${codeIn('cg.governorate_code', codes)}
    GROUP BY cg.governorate_code
  ),
  event_figures AS (
    SELECT e.governorate_code AS code, count(*)::int AS held
    FROM event e
    WHERE ${eventDay} BETWEEN ${period.from}::date AND ${period.to}::date AND ${eventDay} <= current_date
    GROUP BY e.governorate_code
  )
  SELECT g.code,
    COALESCE(b.bodies, 0) AS bodies, COALESCE(b.active, 0) AS active, COALESCE(b.cooling, 0) AS cooling,
    COALESCE(b.dormant, 0) AS dormant, COALESCE(b.vacant, 0) AS vacant,
    COALESCE(b.has_focal_point, false) AS has_focal_point,
    b.last_contact_on::text AS last_contact_on, current_date - b.last_contact_on AS days_since_last_contact,
    COALESCE(c.total, 0) AS contacts_total, COALESCE(c.activist, 0) AS activist,
    COALESCE(c.volunteer_team, 0) AS volunteer_team, COALESCE(c.organization, 0) AS organization,
    COALESCE(c.government_focal_point, 0) AS government_focal_point,
    COALESCE(ev.held, 0) AS events_held
  FROM governorate g
  LEFT JOIN body_figures b ON b.code = g.code
  LEFT JOIN contact_figures c ON c.code = g.code
  LEFT JOIN event_figures ev ON ev.code = g.code
  WHERE true ${codeIn('g.code', codes)}
  ORDER BY g.sort_order`.execute(db);
  return checkRows('stats.governorateFigures', GovernorateRowSchema, rows);
}

const GovernorateKindRowSchema = Type.Object({ ...KIND_COUNT_COLUMNS, code: Type.String(), total: count });
export type GovernorateKindRow = Static<typeof GovernorateKindRowSchema>;

/** Contacts by governorate and kind: a contact counts once in each of its governorates. */
export async function contactsByGovernorate(db: Db, codes: string[] | null): Promise<GovernorateKindRow[]> {
  const { rows } = await sql`
    SELECT g.code, COALESCE(x.total, 0) AS total, COALESCE(x.activist, 0) AS activist,
      COALESCE(x.volunteer_team, 0) AS volunteer_team, COALESCE(x.organization, 0) AS organization,
      COALESCE(x.government_focal_point, 0) AS government_focal_point
    FROM governorate g
    LEFT JOIN (
      SELECT cg.governorate_code AS code, count(*)::int AS total, ${KIND_COUNTS}
      FROM contact_governorate cg JOIN contact c ON c.id = cg.contact_id
      WHERE true ${codeIn('cg.governorate_code', codes)}
      GROUP BY cg.governorate_code
    ) x ON x.code = g.code
    WHERE true ${codeIn('g.code', codes)}
    ORDER BY g.sort_order`.execute(db);
  return checkRows('stats.contactsByGovernorate', GovernorateKindRowSchema, rows);
}

const TotalsSchema = Type.Object({ ...KIND_COUNT_COLUMNS, total: count });

/** Each contact once, whatever the number of its governorates. */
export async function contactTotals(db: Db, codes: string[] | null): Promise<KindCounts & { total: number }> {
  const { rows } = await sql`
    SELECT count(*)::int AS total, ${KIND_COUNTS} FROM contact c WHERE true ${contactIn('c.id', codes)}`.execute(db);
  return checkRows('stats.contactTotals', TotalsSchema, rows)[0];
}

const MonthKindRowSchema = Type.Object({ ...KIND_COUNT_COLUMNS, month: Type.String(), total: count });
export type MonthKindRow = Static<typeof MonthKindRowSchema>;

/** Contacts created in each month of the period (UTC days), empty months included. */
export async function newContactsPerMonth(db: Db, period: Period, codes: string[] | null): Promise<MonthKindRow[]> {
  const start = utcMidnight(sql`${period.from}::date`);
  const end = utcMidnight(sql`${period.to}::date + 1`);
  const { rows } = await sql`
    WITH month AS (${months(period)}),
    created AS (
      SELECT date_trunc('month', ${utcDay('c.created_at')})::date AS month, c.kind
      FROM contact c
      WHERE c.created_at >= ${start} AND c.created_at < ${end} ${contactIn('c.id', codes)}
    )
    SELECT to_char(m.month, 'YYYY-MM') AS month, count(c.kind)::int AS total,
      count(*) FILTER (WHERE c.kind = 'activist')::int AS activist,
      count(*) FILTER (WHERE c.kind = 'volunteer_team')::int AS volunteer_team,
      count(*) FILTER (WHERE c.kind = 'organization')::int AS organization,
      count(*) FILTER (WHERE c.kind = 'government_focal_point')::int AS government_focal_point
    FROM month m LEFT JOIN created c ON c.month = m.month
    GROUP BY m.month ORDER BY m.month`.execute(db);
  return checkRows('stats.newContactsPerMonth', MonthKindRowSchema, rows);
}

const EventMonthRowSchema = Type.Object({ month: Type.String(), events: count, invited: count, attended: count });
export type EventMonthRow = Static<typeof EventMonthRowSchema>;

const AttendanceRowSchema = Type.Object({
  month: Type.String(),
  kind: oneOf(CONTACT_KINDS),
  gender: oneOf(['female', 'male', 'unknown'] as const),
  n: count,
});
export type AttendanceRow = Static<typeof AttendanceRowSchema>;

/** Events of the period by the month of their first day, and their invitations; `events` has every month. */
export async function eventsPerMonth(
  db: Db,
  period: Period,
  codes: string[] | null,
): Promise<{ months: EventMonthRow[]; attendance: AttendanceRow[] }> {
  const eventDay = utcDay('e.starts_at');
  const scoped = sql`
    SELECT e.id, date_trunc('month', ${eventDay})::date AS month
    FROM event e
    WHERE ${eventDay} BETWEEN ${period.from}::date AND ${period.to}::date ${codeIn('e.governorate_code', codes)}`;
  const [perMonth, attendance] = await Promise.all([
    sql`
      WITH month AS (${months(period)}), ev AS (${scoped}),
      invitations AS (
        SELECT ev.month,
          count(*) FILTER (WHERE inv.status IN ('invited', 'confirmed', 'attended', 'no_show'))::int AS invited,
          count(*) FILTER (WHERE inv.status = 'attended')::int AS attended
        FROM ev JOIN invitation inv ON inv.event_id = ev.id
        GROUP BY ev.month
      ),
      events AS (SELECT month, count(*)::int AS n FROM ev GROUP BY month)
      SELECT to_char(m.month, 'YYYY-MM') AS month, COALESCE(e.n, 0) AS events,
        COALESCE(i.invited, 0) AS invited, COALESCE(i.attended, 0) AS attended
      FROM month m LEFT JOIN events e ON e.month = m.month LEFT JOIN invitations i ON i.month = m.month
      ORDER BY m.month`.execute(db),
    sql`
      WITH ev AS (${scoped})
      SELECT to_char(ev.month, 'YYYY-MM') AS month, c.kind, COALESCE(c.gender, 'unknown') AS gender, count(*)::int AS n
      FROM ev
      JOIN invitation inv ON inv.event_id = ev.id AND inv.status = 'attended'
      JOIN contact c ON c.id = inv.attendee_id
      GROUP BY ev.month, c.kind, COALESCE(c.gender, 'unknown')`.execute(db),
  ]);
  return {
    months: checkRows('stats.eventsPerMonth', EventMonthRowSchema, perMonth.rows),
    attendance: checkRows('stats.eventsPerMonth (attendance)', AttendanceRowSchema, attendance.rows),
  };
}

const OverdueTotalSchema = Type.Object({ total: count });
const OverdueRowSchema = Type.Object({ code: Type.String(), overdue: count });

/** Overdue: a follow-up date before today, not done. Scoped: at least one participant in `codes`. */
export async function overdueFollowUps(
  db: Db,
  codes: string[] | null,
): Promise<{ total: number; byGovernorate: { code: string; overdue: number }[] }> {
  const visible =
    codes === null
      ? sql``
      : sql`AND EXISTS (SELECT 1 FROM interaction_participant ip WHERE ip.interaction_id = i.id ${contactIn('ip.contact_id', codes)})`;
  const [total, byGovernorate] = await Promise.all([
    sql`
      SELECT count(*)::int AS total FROM interaction i
      WHERE i.follow_up_on < current_date AND NOT i.follow_up_done ${visible}`.execute(db),
    sql`
      SELECT g.code, COALESCE(x.overdue, 0) AS overdue
      FROM governorate g
      LEFT JOIN (
        SELECT cg.governorate_code AS code, count(DISTINCT i.id)::int AS overdue
        FROM interaction i
        JOIN interaction_participant ip ON ip.interaction_id = i.id
        JOIN contact_governorate cg ON cg.contact_id = ip.contact_id
        WHERE i.follow_up_on < current_date AND NOT i.follow_up_done ${codeIn('cg.governorate_code', codes)}
        GROUP BY cg.governorate_code
      ) x ON x.code = g.code
      WHERE true ${codeIn('g.code', codes)}
      ORDER BY g.sort_order`.execute(db),
  ]);
  return {
    total: checkRows('stats.overdueFollowUps', OverdueTotalSchema, total.rows)[0].total,
    byGovernorate: checkRows('stats.overdueFollowUps (by governorate)', OverdueRowSchema, byGovernorate.rows),
  };
}
