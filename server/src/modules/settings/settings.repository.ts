import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { PartnershipThresholds } from '../../domain/partnerships/status.js';

const THRESHOLDS_KEY = 'partnership_thresholds';

export interface StoredThresholds extends PartnershipThresholds {
  version: number;
  updatedAt: Date;
}

export async function findThresholds(db: Db, forUpdate = false): Promise<StoredThresholds | null> {
  const row = await db
    .selectFrom('app_meta')
    .select(['value', 'updated_at'])
    .where('key', '=', THRESHOLDS_KEY)
    .$if(forUpdate, (qb) => qb.forUpdate())
    .executeTakeFirst();
  if (!row) return null;
  const value = row.value as { activeDays: number; coolingDays: number; version: number };
  return { activeDays: value.activeDays, coolingDays: value.coolingDays, version: value.version, updatedAt: row.updated_at };
}

/**
 * Writes the thresholds as `version` when the stored version is still `expected` (0: never saved). False when another
 * write got there first, including a concurrent first save.
 */
export async function saveThresholds(db: Db, thresholds: PartnershipThresholds, expected: number): Promise<boolean> {
  const value = JSON.stringify({ ...thresholds, version: expected + 1 });
  const rows = await db
    .insertInto('app_meta')
    .values({ key: THRESHOLDS_KEY, value })
    .onConflict((oc) =>
      oc
        .column('key')
        .doUpdateSet({ value, updated_at: sql`now()` })
        .where(sql<boolean>`(app_meta.value->>'version')::int = ${expected}`),
    )
    .returning('key')
    .execute();
  return rows.length === 1;
}
