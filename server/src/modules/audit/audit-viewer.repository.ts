import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/database.js';
import { utcMidnight } from '../../db/utc-days.js';
import { GROUP_ACTIONS, type AuditActionGroup } from '../../domain/audit/audit-actions.js';

/** Reads of the audit log for the viewer. There is deliberately no write here: the log is append-only. */

export interface AuditViewerFilter {
  userId?: string;
  group?: AuditActionGroup;
  entityType?: string;
  entityId?: string;
  from?: string;
  to?: string;
  /** Keyset position: rows strictly older than (at, id). `at` is the full-precision text the previous page gave. */
  before?: { at: string; id: string };
  limit: number;
  /** null: the whole log; otherwise only rows about these governorates (see inGovernorates). */
  governorates: string[] | null;
}

export interface AuditViewerRow {
  id: string;
  at: Date;
  /** `at` to the microsecond, for the next page's cursor (a JS Date keeps only milliseconds). */
  at_key: string;
  user_id: string | null;
  user_name: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  entity_label: string | null;
  changed_fields: string[];
  details: Record<string, unknown> | null;
  address: string | null;
}

const anyContactIn = (contactIds: RawBuilder<unknown>, governorates: string[]) =>
  sql`EXISTS (SELECT 1 FROM contact_governorate cg WHERE cg.contact_id IN (${contactIds}) AND cg.governorate_code = ANY(${governorates}::text[]))`;

/**
 * The coordinator's part of the log: rows about a record in their governorates — a contact filed there; a position,
 * relationship, interaction or invitation with a contact filed there; an event held there; a user account covering
 * one of them (its sign-ins, failed sign-ins, changes); a programme working there — plus rows about no single record (list exports) made by such
 * an account. Rows about records since deleted, settings and unscoped accounts (admins) stay with admins.
 */
export function inGovernorates(governorates: string[]): RawBuilder<boolean> {
  return sql<boolean>`(
    (a.entity_type = 'contact' AND ${anyContactIn(sql`a.entity_id`, governorates)})
    OR (a.entity_type = 'position' AND ${anyContactIn(sql`SELECT unnest(ARRAY[p.person_id, p.organization_id]) FROM position p WHERE p.id = a.entity_id`, governorates)})
    OR (a.entity_type = 'relationship' AND ${anyContactIn(sql`SELECT unnest(ARRAY[r.from_contact_id, r.to_contact_id]) FROM relationship r WHERE r.id = a.entity_id`, governorates)})
    OR (a.entity_type = 'interaction' AND ${anyContactIn(sql`SELECT ip.contact_id FROM interaction_participant ip WHERE ip.interaction_id = a.entity_id`, governorates)})
    OR (a.entity_type = 'invitation' AND ${anyContactIn(sql`SELECT i.contact_id FROM invitation i WHERE i.id = a.entity_id`, governorates)})
    OR (a.entity_type = 'event' AND EXISTS (SELECT 1 FROM event e WHERE e.id = a.entity_id AND e.governorate_code = ANY(${governorates}::text[])))
    OR (a.entity_type = 'programme' AND EXISTS (SELECT 1 FROM programme_governorate pg WHERE pg.programme_id = a.entity_id AND pg.governorate_code = ANY(${governorates}::text[])))
    OR (a.entity_type = 'user' AND EXISTS (SELECT 1 FROM app_user su WHERE su.id = a.entity_id AND su.governorates && ${governorates}::text[]))
    OR (a.entity_id IS NULL AND EXISTS (SELECT 1 FROM app_user au WHERE au.id = a.user_id AND au.governorates && ${governorates}::text[]))
  )`;
}

function groupCondition(group: AuditActionGroup): RawBuilder<boolean> {
  if (group === 'settings') return sql<boolean>`a.entity_type = 'settings'`;
  const actions = GROUP_ACTIONS[group];
  // "change" means changes to records; a settings change is found under settings.
  const notSettings = group === 'change' ? sql` AND a.entity_type <> 'settings'` : sql``;
  return sql<boolean>`a.action IN (${sql.join(actions)})${notSettings}`;
}

export function viewerConditions(f: Omit<AuditViewerFilter, 'limit' | 'before'>): RawBuilder<boolean>[] {
  return [
    ...(f.userId ? [sql<boolean>`a.user_id = ${f.userId}`] : []),
    ...(f.group ? [groupCondition(f.group)] : []),
    ...(f.entityType ? [sql<boolean>`a.entity_type = ${f.entityType}`] : []),
    ...(f.entityId ? [sql<boolean>`a.entity_id = ${f.entityId}`] : []),
    ...(f.from ? [sql<boolean>`a.at >= ${utcMidnight(sql`${f.from}::date`)}`] : []),
    ...(f.to ? [sql<boolean>`a.at < ${utcMidnight(sql`${f.to}::date + 1`)}`] : []),
    ...(f.governorates ? [inGovernorates(f.governorates)] : []),
  ];
}

const where = (conditions: RawBuilder<boolean>[]) => (conditions.length ? sql`WHERE ${sql.join(conditions, sql` AND `)}` : sql``);

/** Newest first, `limit` rows after the keyset position, with the names the viewer shows. */
export async function listAuditRows(db: Db, f: AuditViewerFilter): Promise<AuditViewerRow[]> {
  const conditions = [
    ...viewerConditions(f),
    ...(f.before ? [sql<boolean>`(a.at, a.id) < (${f.before.at}::timestamptz, ${f.before.id}::bigint)`] : []),
  ];
  const { rows } = await sql<AuditViewerRow>`
    SELECT a.id::text AS id, a.at, to_char(a.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at_key,
      a.user_id, u.name AS user_name, a.action, a.entity_type, a.entity_id, a.changed_fields, a.details, a.address,
      CASE a.entity_type
        WHEN 'contact' THEN (SELECT c.name FROM contact c WHERE c.id = a.entity_id)
        WHEN 'user' THEN (SELECT lu.name FROM app_user lu WHERE lu.id = a.entity_id)
        WHEN 'event' THEN (SELECT e.title FROM event e WHERE e.id = a.entity_id)
        WHEN 'programme' THEN (SELECT pr.name_ar FROM programme pr WHERE pr.id = a.entity_id)
      END AS entity_label
    FROM audit_log a LEFT JOIN app_user u ON u.id = a.user_id
    ${where(conditions)}
    ORDER BY a.at DESC, a.id DESC
    LIMIT ${f.limit}`.execute(db);
  return rows;
}

export interface AccessRow {
  at: Date;
  user_id: string | null;
  user_name: string | null;
  action: string;
  details: Record<string, unknown> | null;
}

/**
 * Who viewed or exported one contact: its own view and export rows, exports listing it among restricted contact ids
 * (contact and event lists), and WhatsApp exports of an invitation of it (listed by invitation id).
 */
export async function listContactAccess(db: Db, contactId: string, limit: number): Promise<AccessRow[]> {
  const { rows } = await sql<AccessRow>`
    SELECT a.at, a.user_id, u.name AS user_name, a.action, a.details
    FROM (
      SELECT id FROM audit_log WHERE entity_type = 'contact' AND entity_id = ${contactId} AND action IN ('view', 'export')
      UNION
      SELECT id FROM audit_log WHERE action = 'export' AND details -> 'restrictedContactIds' ? ${contactId}::text
      UNION
      SELECT id FROM audit_log WHERE action = 'export'
        AND details -> 'invitationIds' ?| ARRAY(SELECT i.id::text FROM invitation i WHERE ${contactId} IN (i.contact_id, i.representative_id))
    ) hit
    JOIN audit_log a ON a.id = hit.id LEFT JOIN app_user u ON u.id = a.user_id
    ORDER BY a.at DESC, a.id DESC
    LIMIT ${limit}`.execute(db);
  return rows;
}

export interface AlertRow {
  user_id: string | null;
  user_name: string | null;
  address: string | null;
  count: number;
}

const dayRange = (day: string) => sql`a.at >= ${utcMidnight(sql`${day}::date`)} AND a.at < ${utcMidnight(sql`${day}::date + 1`)}`;
/** A flagged account is shown to a coordinator only when it covers one of their governorates. */
const accountIn = (column: RawBuilder<unknown>, governorates: string[] | null) =>
  governorates ? sql`AND EXISTS (SELECT 1 FROM app_user su WHERE su.id = ${column} AND su.governorates && ${governorates}::text[])` : sql``;

/** Accounts that viewed or exported more than `over` distinct restricted contacts on UTC day `day`. */
export async function restrictedAccessOver(db: Db, day: string, over: number, governorates: string[] | null): Promise<AlertRow[]> {
  const { rows } = await sql<AlertRow>`
    WITH touched AS (
      SELECT a.user_id, a.entity_id::text AS contact_id FROM audit_log a
      WHERE a.action = 'view' AND a.entity_type = 'contact' AND ${dayRange(day)}
      UNION
      SELECT a.user_id, jsonb_array_elements_text(a.details -> 'restrictedContactIds') FROM audit_log a
      WHERE a.action = 'export' AND ${dayRange(day)} AND jsonb_typeof(a.details -> 'restrictedContactIds') = 'array'
    )
    SELECT t.user_id, u.name AS user_name, NULL AS address, count(*)::int AS count
    FROM touched t JOIN app_user u ON u.id = t.user_id
    WHERE true ${accountIn(sql`t.user_id`, governorates)}
    GROUP BY t.user_id, u.name HAVING count(*) > ${over}
    ORDER BY count DESC`.execute(db);
  return rows;
}

/** Failed sign-ins on day `day`, at least `atLeast`: per account, and per address for emails with no account. */
export async function failedSignInsAtLeast(db: Db, day: string, atLeast: number, governorates: string[] | null): Promise<AlertRow[]> {
  const unknownAccounts = governorates
    ? sql``
    : sql`UNION ALL
      SELECT NULL, NULL, a.address, count(*)::int FROM audit_log a
      WHERE a.action = 'login_failed' AND a.entity_id IS NULL AND ${dayRange(day)}
      GROUP BY a.address HAVING count(*) >= ${atLeast}`;
  const { rows } = await sql<AlertRow>`
    SELECT * FROM (
      SELECT a.entity_id AS user_id, u.name AS user_name, NULL AS address, count(*)::int AS count
      FROM audit_log a JOIN app_user u ON u.id = a.entity_id
      WHERE a.action = 'login_failed' AND a.entity_type = 'user' AND ${dayRange(day)} ${accountIn(sql`a.entity_id`, governorates)}
      GROUP BY a.entity_id, u.name HAVING count(*) >= ${atLeast}
      ${unknownAccounts}
    ) f ORDER BY count DESC`.execute(db);
  return rows;
}

/** Accounts signed in from at least `atLeast` different addresses on day `day`. */
export async function manyAddressesAtLeast(db: Db, day: string, atLeast: number, governorates: string[] | null): Promise<AlertRow[]> {
  const { rows } = await sql<AlertRow>`
    SELECT a.user_id, u.name AS user_name, NULL AS address, count(DISTINCT a.address)::int AS count
    FROM audit_log a JOIN app_user u ON u.id = a.user_id
    WHERE a.action = 'login' AND a.address IS NOT NULL AND ${dayRange(day)} ${accountIn(sql`a.user_id`, governorates)}
    GROUP BY a.user_id, u.name HAVING count(DISTINCT a.address) >= ${atLeast}
    ORDER BY count DESC`.execute(db);
  return rows;
}
