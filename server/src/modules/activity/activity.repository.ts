import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Db } from '../../db/database.js';
import type { ActivityKind } from '../../domain/tasks/vocabulary.js';
import { contactInScope } from '../contact-refs/contact-refs.repository.js';

/**
 * The team activity feed: one UNION over the domain tables, each part reading an indexed time column
 * (contact.created_at, interaction.created_at, position.created_at, event.starts_at) and filtered to the viewer's
 * governorates before the union, so the page costs what the week holds, not what the directory holds.
 */

export interface ActivityRow {
  kind: ActivityKind;
  at: Date;
  user_id: string | null;
  user_name: string | null;
  /** The contact to link to: the new contact, the interaction's first visible participant, the organisation. */
  contact_id: string | null;
  contact_name: string | null;
  /** The interaction, the new position's person, or the event. */
  subject_id: string | null;
  subject_name: string | null;
  /** Focal points: the person whose position ended. */
  previous_id: string | null;
  previous_name: string | null;
}

const inScope = (column: string, codes: string[] | null): RawBuilder<SqlBool> =>
  codes === null ? sql<SqlBool>`TRUE` : sql<SqlBool>`${contactInScope(column, codes)}`;

function parts(since: Date, now: Date, codes: string[] | null) {
  const participant = sql`(SELECT c.id FROM interaction_participant ip JOIN contact c ON c.id = ip.contact_id
      WHERE ip.interaction_id = i.id AND ${inScope('ip.contact_id', codes)} ORDER BY c.name, c.id LIMIT 1)`;
  const eventScope = codes === null ? sql`TRUE` : sql`(e.governorate_code IS NULL OR e.governorate_code IN (${sql.join(codes)}))`;
  return sql`
    SELECT 'contact_created' AS kind, c.created_at AS at, c.created_by AS user_id, c.id AS contact_id,
           NULL::uuid AS subject_id, NULL::text AS subject_name, NULL::uuid AS previous_id
      FROM contact c WHERE c.created_at >= ${since} AND ${inScope('c.id', codes)}
    UNION ALL
    SELECT 'interaction_logged', i.created_at, i.logged_by, ${participant}, i.id, i.kind, NULL
      FROM interaction i
     WHERE i.created_at >= ${since} AND EXISTS (SELECT 1 FROM interaction_participant ip
           WHERE ip.interaction_id = i.id AND ${inScope('ip.contact_id', codes)})
    UNION ALL
    SELECT 'focal_point_replaced', p.created_at,
           (SELECT a.user_id FROM audit_log a WHERE a.entity_type = 'position' AND a.entity_id = p.id AND a.action = 'create'
             ORDER BY a.at LIMIT 1),
           p.organization_id, p.person_id, NULL,
           (SELECT q.person_id FROM position q WHERE q.organization_id = p.organization_id AND q.is_focal_point
               AND q.person_id <> p.person_id AND q.end_date IS NOT NULL ORDER BY q.end_date DESC, q.id LIMIT 1)
      FROM position p
     WHERE p.created_at >= ${since} AND p.is_focal_point AND ${inScope('p.organization_id', codes)}
       AND EXISTS (SELECT 1 FROM position q WHERE q.organization_id = p.organization_id AND q.is_focal_point
           AND q.person_id <> p.person_id AND q.end_date IS NOT NULL)
    UNION ALL
    SELECT 'event_held', e.starts_at, e.created_by, NULL, e.id, e.title, NULL
      FROM event e WHERE e.starts_at >= ${since} AND e.starts_at <= ${now} AND ${eventScope}`;
}

/** Newest first, paged; the total for the pager. */
export async function listActivity(db: Db, f: { since: Date; now: Date; governorates: string[] | null; limit: number; offset: number }) {
  const feed = parts(f.since, f.now, f.governorates);
  const [rows, count] = await Promise.all([
    sql<ActivityRow>`
      SELECT f.kind, f.at, f.user_id, u.name AS user_name, f.contact_id, c.name AS contact_name,
             f.subject_id, COALESCE(f.subject_name, s.name) AS subject_name, f.previous_id, pc.name AS previous_name
        FROM (${feed}) f
        LEFT JOIN app_user u ON u.id = f.user_id
        LEFT JOIN contact c ON c.id = f.contact_id
        LEFT JOIN contact s ON f.kind = 'focal_point_replaced' AND s.id = f.subject_id
        LEFT JOIN contact pc ON pc.id = f.previous_id
       ORDER BY f.at DESC, f.kind, f.subject_id, f.contact_id
       LIMIT ${f.limit} OFFSET ${f.offset}`.execute(db),
    sql<{ n: string }>`SELECT count(*) AS n FROM (${feed}) f`.execute(db),
  ]);
  return { rows: rows.rows, total: Number(count.rows[0].n) };
}
