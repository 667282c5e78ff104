import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/src/db/database.js';
import { countHits, peekHits } from '../../server/src/modules/rate-limits/rate-limits.repository.js';
import { createTestDatabase } from '../helpers/test-database.js';

/**
 * Limits count hits over a sliding window: a burst that straddles the boundary of the fixed windows the counters are
 * stored in still counts whole (a CI run once let a 4th sign-in through a limit of 3 because the minute turned).
 */
let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const WINDOW = 60;

/** Puts `hits` in the window just before the current one and answers how far into the current window now is. */
async function previousWindowHad(key: string, hits: number): Promise<number> {
  const { rows } = await sql<{ elapsed: number }>`
    INSERT INTO rate_limit_hit (key, window_start, hits)
    VALUES (${key}, date_bin(interval '60 seconds', now(), timestamptz '2000-01-01') - interval '60 seconds', ${hits})
    RETURNING extract(epoch from now() - date_bin(interval '60 seconds', now(), timestamptz '2000-01-01'))::float8 AS elapsed`.execute(
    database.db,
  );
  return Number(rows[0].elapsed);
}

describe('sliding-window counts', () => {
  it('adds the previous window, weighted by the share of it still within one window of now', async () => {
    const elapsed = await previousWindowHad('slide:a', 30);
    const [count] = await countHits(database.db, ['slide:a'], WINDOW);
    const expected = 1 + 30 * (1 - elapsed / WINDOW);
    expect(count.hits).toBeGreaterThan(expected - 1);
    expect(count.hits).toBeLessThanOrEqual(expected + 0.01);
    expect(count.hits).toBeGreaterThan(1);
    expect(count.resetInSeconds).toBeGreaterThanOrEqual(1);
    expect(count.resetInSeconds).toBeLessThanOrEqual(WINDOW);
  });

  it('counts a key seen for the first time as one hit, and peeks without counting', async () => {
    const [first] = await countHits(database.db, ['slide:b'], WINDOW);
    expect(first.hits).toBe(1);
    const [peeked] = await peekHits(database.db, ['slide:b', 'slide:never'], WINDOW);
    expect(peeked).toMatchObject({ key: 'slide:b', hits: 1 });
    const [again] = await countHits(database.db, ['slide:b'], WINDOW);
    expect(again.hits).toBe(2);
  });

  it('ignores windows older than the previous one', async () => {
    await sql`INSERT INTO rate_limit_hit (key, window_start, hits)
      VALUES ('slide:c', date_bin(interval '60 seconds', now(), timestamptz '2000-01-01') - interval '120 seconds', 50)`.execute(
      database.db,
    );
    const [count] = await countHits(database.db, ['slide:c'], WINDOW);
    expect(count.hits).toBe(1);
  });
});
