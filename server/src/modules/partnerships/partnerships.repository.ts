import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/database.js';
import { Type, type Static } from 'typebox';
import { PARTNERSHIP_STATUSES, STATUS_SEVERITY, type PartnershipStatus } from '../../domain/partnerships/status.js';
import { INTERACTION_KINDS } from '../../domain/interaction-kinds.js';
import { checkRows, nullable, oneOf } from '../../db/check-rows.js';
import { factCtes, inGovernorates, type FactsInput } from './partnership-facts.sql.js';
import type { PartnershipSort } from './partnerships.schemas.js';

export interface PartnershipQuery extends FactsInput {
  governorate?: string;
  status?: PartnershipStatus;
  sort: PartnershipSort;
  order: 'asc' | 'desc';
  /** null: every row (exports). */
  limit: number | null;
  offset: number;
}

const FocalPointRowSchema = Type.Object({
  positionId: Type.String(),
  personId: Type.String(),
  name: Type.String(),
  title: Type.String(),
  since: nullable(Type.String()),
  visible: Type.Boolean(),
});
export type FocalPointRow = Static<typeof FocalPointRowSchema>;

const text = Type.String();
const count = Type.Integer({ minimum: 0 });

/** One body as the query returns it (built with json_build_object, so dates are already 'YYYY-MM-DD'). */
const PartnershipRowSchema = Type.Object({
  id: text,
  name: text,
  nameLatin: nullable(text),
  nameKu: nullable(text),
  governorates: Type.Array(text),
  focalPoints: Type.Array(FocalPointRowSchema),
  lastInteractionId: nullable(text),
  lastInteractionOn: nullable(text),
  lastInteractionKind: nullable(oneOf(INTERACTION_KINDS)),
  lastEventId: nullable(text),
  lastEventOn: nullable(text),
  lastEventTitle: nullable(text),
  lastContactOn: nullable(text),
  daysSinceLastContact: nullable(Type.Integer()),
  interactionCount: count,
  eventCount: count,
  status: oneOf(PARTNERSHIP_STATUSES),
});
export type PartnershipRow = Static<typeof PartnershipRowSchema>;

const STATUS_COUNT_COLUMNS = { active: count, cooling: count, dormant: count, vacant: count };
export type StatusCounts = Record<PartnershipStatus, number>;

const PageRowSchema = Type.Object({
  total: count,
  items: Type.Array(PartnershipRowSchema),
  by_status: Type.Object(STATUS_COUNT_COLUMNS),
  by_governorate: Type.Array(Type.Object({ governorate: text, sort_order: Type.Integer(), total: count, ...STATUS_COUNT_COLUMNS })),
});

const TodaySchema = Type.Object({ today: text });

export interface PartnershipPage {
  total: number;
  items: PartnershipRow[];
  byStatus: StatusCounts;
  byGovernorate: ({ governorate: string; total: number } & StatusCounts)[];
}

/** Worst first, as the domain orders statuses. */
const severity = sql`array_position(ARRAY[${sql.join(STATUS_SEVERITY.map((status) => sql.lit(status)))}]::text[], f.status)`;

/** Sort keys come from a closed list, each with its own direction (never user text in ORDER BY). */
const SORTS: Record<PartnershipSort, { asc: RawBuilder<unknown>; desc: RawBuilder<unknown> }> = {
  name: { asc: sql`f.name ASC`, desc: sql`f.name DESC` },
  governorate: { asc: sql`f.first_governorate ASC NULLS LAST`, desc: sql`f.first_governorate DESC NULLS LAST` },
  status: { asc: sql`${severity} ASC`, desc: sql`${severity} DESC` },
  lastContact: { asc: sql`f.last_contact_on ASC NULLS FIRST`, desc: sql`f.last_contact_on DESC NULLS LAST` },
  interactionCount: { asc: sql`f.interaction_count ASC`, desc: sql`f.interaction_count DESC` },
  eventAttendanceCount: { asc: sql`f.event_count ASC`, desc: sql`f.event_count DESC` },
};

const STATUS_COUNTS = sql`count(*) FILTER (WHERE f.status = 'active')::int AS active,
  count(*) FILTER (WHERE f.status = 'cooling')::int AS cooling,
  count(*) FILTER (WHERE f.status = 'dormant')::int AS dormant,
  count(*) FILTER (WHERE f.status = 'vacant')::int AS vacant`;

/** A focal point (person) outside a scoped user's governorates is counted but not named. */
function focalPointsOf(scope: string[] | null): RawBuilder<FocalPointRow[]> {
  const visible = scope === null ? sql`true` : inGovernorates('person.id', scope);
  return sql<FocalPointRow[]>`COALESCE((
    SELECT json_agg(json_build_object('positionId', p.id, 'personId', p.person_id, 'name', person.name, 'title', p.title,
      'since', p.start_date, 'visible', ${visible}) ORDER BY p.start_date ASC NULLS LAST, person.name, p.id)
    FROM position p JOIN contact person ON person.id = p.person_id
    WHERE p.organization_id = f.id AND p.is_focal_point
      AND (p.start_date IS NULL OR p.start_date <= current_date)
      AND (p.end_date IS NULL OR p.end_date >= current_date)
  ), '[]'::json)`;
}

/**
 * The page of bodies with the filters, the total, and the facet counts (by status without the status filter, by
 * governorate without the governorate filter) in one statement, so the facts are computed once.
 */
export async function findPartnerships(db: Db, q: PartnershipQuery): Promise<PartnershipPage> {
  const byGovernorate = (alias: string) =>
    q.governorate === undefined
      ? sql``
      : sql`AND EXISTS (SELECT 1 FROM contact_governorate cg_filter
      WHERE cg_filter.contact_id = ${sql.ref(`${alias}.id`)} AND cg_filter.governorate_code = ${q.governorate})`;
  const byStatus = q.status === undefined ? sql`` : sql`AND f.status = ${q.status}`;
  const scopeOfFacets = q.scope === null ? sql`` : sql`AND cg.governorate_code = ANY(${q.scope}::text[])`;
  const sort = SORTS[q.sort][q.order];
  const { rows } = await sql`
  WITH ${factCtes(q)},
  filtered AS (
    SELECT f.*,
      (SELECT min(g.sort_order) FROM contact_governorate cg JOIN governorate g ON g.code = cg.governorate_code
        WHERE cg.contact_id = f.id) AS first_governorate
    FROM fact f WHERE true ${byStatus} ${byGovernorate('f')}
  ),
  page AS (
    SELECT f.*, row_number() OVER (ORDER BY ${sort}, f.name ASC, f.id ASC) AS position
    FROM filtered f
    ORDER BY ${sort}, f.name ASC, f.id ASC
    LIMIT ${q.limit} OFFSET ${q.offset}
  )
  SELECT
    (SELECT count(*)::int FROM filtered) AS total,
    (SELECT COALESCE(json_agg(json_build_object(
        'id', f.id, 'name', f.name, 'nameLatin', f.name_latin, 'nameKu', f.name_ku,
        'governorates', ARRAY(SELECT cg.governorate_code FROM contact_governorate cg
          JOIN governorate g ON g.code = cg.governorate_code WHERE cg.contact_id = f.id ORDER BY g.sort_order),
        'focalPoints', ${focalPointsOf(q.scope)},
        'lastInteractionId', f.last_interaction_id, 'lastInteractionOn', f.last_interaction_on,
        'lastInteractionKind', f.last_interaction_kind,
        'lastEventId', f.last_event_id, 'lastEventOn', f.last_event_on, 'lastEventTitle', f.last_event_title,
        'lastContactOn', f.last_contact_on, 'daysSinceLastContact', f.days_since_last_contact,
        'interactionCount', f.interaction_count, 'eventCount', f.event_count, 'status', f.status
      ) ORDER BY f.position), '[]'::json) FROM page f) AS items,
    (SELECT row_to_json(s) FROM (SELECT ${STATUS_COUNTS} FROM fact f WHERE true ${byGovernorate('f')}) s) AS by_status,
    (SELECT COALESCE(json_agg(s ORDER BY s.sort_order), '[]'::json) FROM (
      SELECT cg.governorate_code AS governorate, g.sort_order, count(*)::int AS total, ${STATUS_COUNTS}
      FROM fact f
      JOIN contact_governorate cg ON cg.contact_id = f.id
      JOIN governorate g ON g.code = cg.governorate_code
      WHERE true ${byStatus} ${scopeOfFacets}
      GROUP BY cg.governorate_code, g.sort_order
    ) s) AS by_governorate`.execute(db);
  const [row] = checkRows('partnerships.findPartnerships', PageRowSchema, rows);
  return {
    total: row.total,
    items: row.items,
    byStatus: row.by_status,
    byGovernorate: row.by_governorate.map(({ governorate, total, active, cooling, dormant, vacant }) => ({
      governorate,
      total,
      active,
      cooling,
      dormant,
      vacant,
    })),
  };
}

/** The database's today, the clock every rule here runs on. */
export async function today(db: Db): Promise<string> {
  const { rows } = await sql`SELECT current_date::text AS today`.execute(db);
  return checkRows('partnerships.today', TodaySchema, rows)[0].today;
}
