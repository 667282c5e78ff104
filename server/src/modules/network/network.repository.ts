import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Db } from '../../db/database.js';
import { contactInScope } from '../contact-refs/contact-refs.repository.js';
import type { ContactKind } from '../../domain/contact-kinds.js';

export interface NetworkEdgeRow {
  id: string;
  source: string;
  target: string;
  type: string;
  label_ar: string;
  label_en: string;
  active: boolean;
}

export interface NetworkNodeRow {
  id: string;
  name: string;
  kind: ContactKind;
  governorates: string[];
}

export interface EdgeFilter {
  includeEnded: boolean;
  /** Scoped users: both ends must share a governorate with these codes. */
  visibleGovernorates: string[] | null;
}

/**
 * Relationships (forward label, from → to) and positions (type "position", person → organisation, the title as
 * label) with one end (`touching`) or both ends (`among`) in `ids`: one query for a whole BFS frontier.
 */
export async function findEdges(db: Db, ids: string[], mode: 'touching' | 'among', f: EdgeFilter): Promise<NetworkEdgeRow[]> {
  if (ids.length === 0) return [];
  const set = sql.join(ids);
  const ends = (a: string, b: string): RawBuilder<SqlBool> =>
    mode === 'touching'
      ? sql<SqlBool>`(${sql.ref(a)} IN (${set}) OR ${sql.ref(b)} IN (${set}))`
      : sql<SqlBool>`(${sql.ref(a)} IN (${set}) AND ${sql.ref(b)} IN (${set}))`;
  const scope = (a: string, b: string) =>
    f.visibleGovernorates === null
      ? sql``
      : sql`AND ${contactInScope(a, f.visibleGovernorates)} AND ${contactInScope(b, f.visibleGovernorates)}`;
  const { rows } = await sql<NetworkEdgeRow>`
    SELECT r.id, r.from_contact_id AS source, r.to_contact_id AS target, rt.key AS type,
           rt.label_forward_ar AS label_ar, rt.label_forward_en AS label_en, (r.end_date IS NULL) AS active
    FROM relationship r JOIN relationship_type rt ON rt.id = r.type_id
    WHERE ${ends('r.from_contact_id', 'r.to_contact_id')}
      ${f.includeEnded ? sql`` : sql`AND r.end_date IS NULL`}
      ${scope('r.from_contact_id', 'r.to_contact_id')}
    UNION ALL
    SELECT p.id, p.person_id AS source, p.organization_id AS target, 'position' AS type,
           p.title AS label_ar, p.title AS label_en, (p.end_date IS NULL) AS active
    FROM position p
    WHERE ${ends('p.person_id', 'p.organization_id')}
      ${f.includeEnded ? sql`` : sql`AND p.end_date IS NULL`}
      ${scope('p.person_id', 'p.organization_id')}
    ORDER BY id`.execute(db);
  return rows;
}

/** Name, kind and governorates of these contacts. */
export async function findNodes(db: Db, ids: string[]): Promise<NetworkNodeRow[]> {
  if (ids.length === 0) return [];
  const { rows } = await sql<NetworkNodeRow>`
    SELECT c.id, c.name, c.kind,
           array(SELECT cg.governorate_code FROM contact_governorate cg WHERE cg.contact_id = c.id ORDER BY cg.governorate_code) AS governorates
    FROM contact c WHERE c.id IN (${sql.join(ids)})`.execute(db);
  return rows;
}

/**
 * Up to `limit` contacts of a governorate that the caller may see, the best connected first (so a cut keeps the
 * core of the graph), then by name.
 */
export async function findGovernorateNodes(
  db: Db,
  code: string,
  visibleGovernorates: string[] | null,
  limit: number,
): Promise<NetworkNodeRow[]> {
  const { rows } = await sql<NetworkNodeRow>`
    SELECT c.id, c.name, c.kind,
           array(SELECT cg.governorate_code FROM contact_governorate cg WHERE cg.contact_id = c.id ORDER BY cg.governorate_code) AS governorates
    FROM contact c
    WHERE EXISTS (SELECT 1 FROM contact_governorate g WHERE g.contact_id = c.id AND g.governorate_code = ${code})
      ${visibleGovernorates === null ? sql`` : sql`AND ${contactInScope('c.id', visibleGovernorates)}`}
    ORDER BY (SELECT count(*) FROM relationship r WHERE r.from_contact_id = c.id)
           + (SELECT count(*) FROM relationship r WHERE r.to_contact_id = c.id) DESC, c.name, c.id
    LIMIT ${limit}`.execute(db);
  return rows;
}
