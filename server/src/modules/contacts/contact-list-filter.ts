import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { DB } from '../../db/types.js';
import { utcMidnight } from '../../db/utc-days.js';
import { createdWithin } from '../../db/created-within.js';
import type { ContactFilter } from './contact-list.schemas.js';
import { customConditionsSql, type ResolvedCustomCondition } from './contact-custom-filter.js';

export type { ContactFilter } from './contact-list.schemas.js';

/**
 * The contacts list's WHERE clause, one builder for the list, saved segments' counts and bulk actions' "all matching",
 * so a selection always means the rows the user saw. Works on `selectFrom('contact')`.
 */

/** What the caller's account adds to every filter; the service derives it from the actor (see resolveFilterScope). */
export interface FilterScope {
  /** Scoped users see only contacts in these governorates; null for everyone. */
  visibleGovernorates: string[] | null;
  /** Roles that may not see restricted contacts' phones and emails must not learn by filtering whether they exist. */
  seesRestrictedDetails: boolean;
  /** The ids the `q` search matched, when the filter has a search; null without one. */
  matchedIds: string[] | null;
  /** The `custom` conditions read against the field definitions (resolveCustomConditions); empty without any. */
  customConditions: ResolvedCustomCondition[];
}

type Eb = ExpressionBuilder<DB, 'contact'>;

/** The governorate filter as a list: the query string may give one code or several. */
export const filterGovernorates = (f: ContactFilter): string[] =>
  f.governorate === undefined ? [] : typeof f.governorate === 'string' ? [f.governorate] : f.governorate;

function inGovernorates(eb: Eb, codes: string[]): Expression<SqlBool> {
  return eb.exists(
    eb
      .selectFrom('contact_governorate as cg')
      .select(sql.lit(1).as('one'))
      .whereRef('cg.contact_id', '=', 'contact.id')
      .where('cg.governorate_code', 'in', codes),
  );
}

const memberOf = (orgId: string) => sql<SqlBool>`(EXISTS (SELECT 1 FROM relationship r JOIN relationship_type t ON t.id = r.type_id
    WHERE t.key = 'member_of' AND r.from_contact_id = contact.id AND r.to_contact_id = ${orgId}
      AND (r.end_date IS NULL OR r.end_date >= current_date))
  OR EXISTS (SELECT 1 FROM "position" p WHERE p.person_id = contact.id AND p.organization_id = ${orgId}
      AND (p.end_date IS NULL OR p.end_date >= current_date)
      AND (p.start_date IS NULL OR p.start_date <= current_date)))`;

const interactionOn = (comparison: '>=' | '>', day: string) => sql<SqlBool>`EXISTS (SELECT 1 FROM interaction_participant ip
  JOIN interaction i ON i.id = ip.interaction_id WHERE ip.contact_id = contact.id AND i.occurred_on ${sql.raw(comparison)} ${day}::date)`;

const metAtAll = sql<SqlBool>`EXISTS (SELECT 1 FROM interaction_participant ip WHERE ip.contact_id = contact.id)`;

/** Latest interaction on or before `day`: met at least once, and never after that day. */
const lastContactBefore = (day: string) => sql<SqlBool>`(${metAtAll} AND NOT ${interactionOn('>', day)})`;

/**
 * has/has no phone (or email): for a role that may not see restricted details, restricted contacts match neither,
 * as the phone search skips them, so the answer reveals nothing about their numbers.
 */
function hasDetail(column: 'phones' | 'emails', wanted: boolean, scope: FilterScope): Expression<SqlBool> {
  const present = sql<SqlBool>`cardinality(${sql.ref(`contact.${column}`)}) ${sql.raw(wanted ? '>' : '=')} 0`;
  return scope.seesRestrictedDetails ? present : sql<SqlBool>`(${present} AND contact.sensitivity <> 'restricted')`;
}

const updatedWithin = (f: ContactFilter): Expression<SqlBool>[] => [
  ...(f.updatedFrom ? [sql<SqlBool>`contact.updated_at >= ${utcMidnight(sql`${f.updatedFrom}::date`)}`] : []),
  ...(f.updatedTo ? [sql<SqlBool>`contact.updated_at < ${utcMidnight(sql`${f.updatedTo}::date + 1`)}`] : []),
];

/** Every condition of the filter and the scope, ANDed; `q` arrives as scope.matchedIds. */
export function contactMatches(eb: Eb, f: ContactFilter, scope: FilterScope): Expression<SqlBool> {
  const tags = f.tags?.length ? f.tags : undefined;
  const conditions: Expression<SqlBool>[] = [
    ...(scope.matchedIds ? [scope.matchedIds.length ? eb('contact.id', 'in', scope.matchedIds) : sql<SqlBool>`false`] : []),
    ...(f.kind ? [eb('contact.kind', '=', f.kind)] : []),
    ...(f.subtype ? [eb('contact.subtype', '=', f.subtype)] : []),
    ...(f.sensitivity ? [eb('contact.sensitivity', '=', f.sensitivity)] : []),
    ...(filterGovernorates(f).length ? [inGovernorates(eb, filterGovernorates(f))] : []),
    ...(tags ? [sql<SqlBool>`contact.tags ${sql.raw(f.tagsMode === 'all' ? '@>' : '&&')} ${sql.val(tags)}::text[]`] : []),
    ...(f.memberOf ? [memberOf(f.memberOf)] : []),
    ...(f.hasPhone !== undefined ? [hasDetail('phones', f.hasPhone, scope)] : []),
    ...(f.hasEmail !== undefined ? [hasDetail('emails', f.hasEmail, scope)] : []),
    ...(f.lastContactAfter ? [interactionOn('>=', f.lastContactAfter)] : []),
    ...(f.lastContactBefore ? [lastContactBefore(f.lastContactBefore)] : []),
    ...(f.invitedTo
      ? [
          sql<SqlBool>`EXISTS (SELECT 1 FROM invitation inv WHERE inv.contact_id = contact.id AND inv.event_id = ${f.invitedTo}
          AND inv.status NOT IN ('proposed', 'cancelled'))`,
        ]
      : []),
    ...(f.attended
      ? [
          sql<SqlBool>`EXISTS (SELECT 1 FROM invitation inv WHERE inv.attendee_id = contact.id AND inv.event_id = ${f.attended}
          AND inv.status = 'attended')`,
        ]
      : []),
    ...createdWithin(f),
    ...updatedWithin(f),
    ...customConditionsSql(scope.customConditions, scope.seesRestrictedDetails),
    ...(scope.visibleGovernorates !== null ? [inGovernorates(eb, scope.visibleGovernorates)] : []),
  ];
  return eb.and(conditions);
}
