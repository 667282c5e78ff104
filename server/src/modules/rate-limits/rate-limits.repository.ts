import { sql } from 'kysely';
import type { Db } from '../../db/database.js';

export interface WindowCount {
  key: string;
  hits: number;
  /** Seconds until the current window closes and its count no longer matters. */
  resetInSeconds: number;
}

// Fixed windows aligned on the database clock, so every instance agrees which window a hit falls in.
const windowStart = (seconds: number) => sql<Date>`date_bin(make_interval(secs => ${seconds}), now(), timestamptz '2000-01-01')`;
const resetIn = (seconds: number) =>
  sql<number>`greatest(1, ceil(extract(epoch from (window_start + make_interval(secs => ${seconds}) - now()))))::int`;

/** Counts one hit on each key in the current window and answers the new counts, in one statement. */
export async function countHits(db: Db, keys: string[], windowSeconds: number): Promise<WindowCount[]> {
  if (keys.length === 0) return [];
  const { rows } = await sql<{ key: string; hits: number; reset_in: number }>`
    INSERT INTO rate_limit_hit (key, window_start, hits)
    SELECT k, ${windowStart(windowSeconds)}, 1 FROM unnest(${keys}::text[]) AS k
    ON CONFLICT (key, window_start) DO UPDATE SET hits = rate_limit_hit.hits + 1
    RETURNING key, hits, ${resetIn(windowSeconds)} AS reset_in`.execute(db);
  return rows.map((r) => ({ key: r.key, hits: r.hits, resetInSeconds: r.reset_in }));
}

/** The current window's counts of these keys, without counting; a key with no hits is absent. */
export async function peekHits(db: Db, keys: string[], windowSeconds: number): Promise<WindowCount[]> {
  const rows = await db
    .selectFrom('rate_limit_hit')
    .select(['key', 'hits', resetIn(windowSeconds).as('reset_in')])
    .where('key', 'in', keys)
    .where('window_start', '=', windowStart(windowSeconds))
    .execute();
  return rows.map((r) => ({ key: r.key, hits: r.hits, resetInSeconds: r.reset_in }));
}

/** Drops windows that closed long ago; any instance may run it, at any time. */
export async function purgeOldHits(db: Db, olderThanSeconds: number): Promise<void> {
  await db
    .deleteFrom('rate_limit_hit')
    .where('window_start', '<', sql<Date>`now() - make_interval(secs => ${olderThanSeconds})`)
    .execute();
}
