import { sql } from 'kysely';
import type { Db } from '../../db/database.js';

export interface WindowCount {
  key: string;
  /**
   * Hits in the last window's length: this window's hits plus the previous window's, weighted by how much of it
   * still overlaps (a sliding window), so a burst straddling the window boundary is not counted twice as leniently.
   */
  hits: number;
  /** Seconds until the current window closes; an upper bound on the wait once the limit is reached. */
  resetInSeconds: number;
}

// Fixed windows aligned on the database clock, so every instance agrees which window a hit falls in.
const windowStart = (seconds: number) => sql<Date>`date_bin(make_interval(secs => ${seconds}), now(), timestamptz '2000-01-01')`;
const windowLength = (seconds: number) => sql`make_interval(secs => ${seconds})`;
const resetIn = (seconds: number) =>
  sql<number>`greatest(1, ceil(extract(epoch from (cur.window_start + ${windowLength(seconds)} - now()))))::int`;
// The share of the previous window that still lies within one window length of now.
const previousWeight = (seconds: number) => sql<number>`greatest(0, 1 - extract(epoch from (now() - cur.window_start)) / ${seconds})`;
const slidingHits = (seconds: number) => sql<number>`(cur.hits + coalesce(prev.hits, 0) * ${previousWeight(seconds)})::float8`;

interface CountRow {
  key: string;
  hits: number;
  reset_in: number;
}

const toCounts = (rows: CountRow[]): WindowCount[] => rows.map((r) => ({ key: r.key, hits: Number(r.hits), resetInSeconds: r.reset_in }));

/** Counts one hit on each key in the current window and answers the new sliding counts, in one statement. */
export async function countHits(db: Db, keys: string[], windowSeconds: number): Promise<WindowCount[]> {
  if (keys.length === 0) return [];
  const { rows } = await sql<CountRow>`
    WITH cur AS (
      INSERT INTO rate_limit_hit (key, window_start, hits)
      SELECT k, ${windowStart(windowSeconds)}, 1 FROM unnest(${keys}::text[]) AS k
      ON CONFLICT (key, window_start) DO UPDATE SET hits = rate_limit_hit.hits + 1
      RETURNING key, window_start, hits
    )
    SELECT cur.key, ${slidingHits(windowSeconds)} AS hits, ${resetIn(windowSeconds)} AS reset_in
    FROM cur
    LEFT JOIN rate_limit_hit prev ON prev.key = cur.key AND prev.window_start = cur.window_start - ${windowLength(windowSeconds)}`.execute(
    db,
  );
  return toCounts(rows);
}

/** The sliding counts of these keys, without counting; a key with no hits in this window is absent. */
export async function peekHits(db: Db, keys: string[], windowSeconds: number): Promise<WindowCount[]> {
  if (keys.length === 0) return [];
  const { rows } = await sql<CountRow>`
    SELECT cur.key, ${slidingHits(windowSeconds)} AS hits, ${resetIn(windowSeconds)} AS reset_in
    FROM rate_limit_hit cur
    LEFT JOIN rate_limit_hit prev ON prev.key = cur.key AND prev.window_start = cur.window_start - ${windowLength(windowSeconds)}
    WHERE cur.key = ANY(${keys}::text[]) AND cur.window_start = ${windowStart(windowSeconds)}`.execute(db);
  return toCounts(rows);
}

/** Drops windows that closed long ago; any instance may run it, at any time. */
export async function purgeOldHits(db: Db, olderThanSeconds: number): Promise<void> {
  await db
    .deleteFrom('rate_limit_hit')
    .where('window_start', '<', sql<Date>`now() - make_interval(secs => ${olderThanSeconds})`)
    .execute();
}
