import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/src/db/database.js';
import { createTestDatabase } from '../helpers/test-database.js';

/**
 * Custom field filters are written as JSON containment (`custom_values @> …`) so a GIN index serves them. This checks
 * the index the migration made and that the planner can use it for such a filter, on whichever database runs the tests.
 */
let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe('the custom values index', () => {
  it('is a GIN index with jsonb_path_ops on contact.custom_values', async () => {
    const { rows } = await sql<{ indexdef: string }>`
      SELECT indexdef FROM pg_indexes WHERE tablename = 'contact' AND indexname = 'contact_custom_values_idx'`.execute(database.db);
    expect(rows).toHaveLength(1);
    expect(rows[0].indexdef).toMatch(/USING gin \(custom_values jsonb_path_ops\)/);
  });

  it('serves a containment filter', async () => {
    const plan = await database.db.transaction().execute(async (trx) => {
      // A test directory is small enough for a sequential scan to win; turning that off shows whether the index can serve.
      await sql`SET LOCAL enable_seqscan = off`.execute(trx);
      const { rows } = await sql<{ 'QUERY PLAN': string }>`
        EXPLAIN SELECT id FROM contact WHERE custom_values @> '{"sector": "health"}'::jsonb`.execute(trx);
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    });
    expect(plan).toContain('contact_custom_values_idx');
  });

  it('refuses values that are not a JSON object', async () => {
    await expect(
      sql`INSERT INTO contact (kind, name, custom_values) VALUES ('activist', 'ليس كائناً', '[1]'::jsonb)`.execute(database.db),
    ).rejects.toThrow();
  });
});
