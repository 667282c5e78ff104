import { sql } from 'kysely';
import type { Db } from '../../db/database.js';

/**
 * The programme look-ups other modules need (attribution on events, interactions and tasks; access checks), apart from
 * the programmes module so that events and the rest can use them without importing the programmes' own service.
 */

export interface ProgrammeScopeRow {
  id: string;
  governorates: string[];
}

export async function findProgrammeScopes(db: Db, ids: string[], lock = false): Promise<ProgrammeScopeRow[]> {
  if (ids.length === 0) return [];
  let query = db
    .selectFrom('programme as p')
    .select('p.id')
    .select(
      sql<string[]>`array(SELECT pg.governorate_code FROM programme_governorate pg WHERE pg.programme_id = p.id ORDER BY 1)`.as(
        'governorates',
      ),
    )
    .where('p.id', 'in', ids);
  // FOR SHARE: a programme being attributed cannot be deleted under the write that links it.
  if (lock) query = query.forShare();
  return query.execute();
}

/** The attribution tables, by what they attribute. */
export const ATTRIBUTION = {
  event: { table: 'event_programme', column: 'event_id' },
  interaction: { table: 'interaction_programme', column: 'interaction_id' },
  task: { table: 'task_programme', column: 'task_id' },
} as const;
export type AttributedKind = keyof typeof ATTRIBUTION;

/** Each owner's programme ids, the ones in `scope` only (null: all), by name. */
export async function programmeIdsOf(
  db: Db,
  kind: AttributedKind,
  ownerIds: string[],
  scope: string[] | null,
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(ownerIds.map((id) => [id, []]));
  if (ownerIds.length === 0) return out;
  const { table, column } = ATTRIBUTION[kind];
  const inScope =
    scope === null
      ? sql``
      : sql`AND EXISTS (SELECT 1 FROM programme_governorate pg WHERE pg.programme_id = l.programme_id
          AND pg.governorate_code = ANY(${scope}::text[]))`;
  const rows = await sql<{ owner_id: string; programme_id: string }>`
    SELECT l.${sql.ref(column)} AS owner_id, l.programme_id
    FROM ${sql.table(table)} l JOIN programme p ON p.id = l.programme_id
    WHERE l.${sql.ref(column)} = ANY(${ownerIds}::uuid[]) ${inScope}
    ORDER BY p.name_ar, p.id`.execute(db);
  for (const row of rows.rows) out.get(row.owner_id)?.push(row.programme_id);
  return out;
}

/** Replaces the owner's links with `programmeIds`. */
export async function replaceProgrammeLinks(db: Db, kind: AttributedKind, ownerId: string, programmeIds: string[]): Promise<void> {
  const { table, column } = ATTRIBUTION[kind];
  await sql`DELETE FROM ${sql.table(table)} WHERE ${sql.ref(column)} = ${ownerId}`.execute(db);
  if (programmeIds.length === 0) return;
  await sql`INSERT INTO ${sql.table(table)} (${sql.ref(column)}, programme_id)
    SELECT ${ownerId}::uuid, unnest(${programmeIds}::uuid[])`.execute(db);
}
