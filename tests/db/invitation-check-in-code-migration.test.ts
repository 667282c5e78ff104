import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/src/db/database.js';
import { createMigrator } from '../../server/src/db/migrate.js';
import { MIGRATIONS } from '../../migrations/index.js';
import { createEmptyDatabase } from '../helpers/test-database.js';

/** Issue 11, item 8: invitations made before check-in codes get one each; new rows get one from the database. */

const NAME = '20261203081000_invitation_check_in_code';
const names = Object.keys(MIGRATIONS);
const before = names[names.indexOf(NAME) - 1];
const CODE = /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/;

let database: Database;
beforeAll(async () => {
  database = await createEmptyDatabase();
});
afterAll(() => database.close());

async function to(name: string) {
  const result = await createMigrator(database.db).migrateTo(name);
  if (result.error) throw result.error instanceof Error ? result.error : new Error(`migration to ${name} failed`);
}

const codes = async () =>
  (await sql<{ check_in_code: string }>`SELECT check_in_code FROM invitation ORDER BY id`.execute(database.db)).rows.map(
    (r) => r.check_in_code,
  );

describe(NAME, () => {
  it('backfills a distinct, well-formed code per invitation, defaults new rows, refuses duplicates and goes back down', async () => {
    await to(before);
    const db = database.db;
    const { rows } = await sql<{ id: string }>`INSERT INTO event (title, type, starts_at, ends_at)
      VALUES ('الجلسة الختامية', 'closing_session', '2026-06-10T09:00:00Z', '2026-06-10T12:00:00Z') RETURNING id`.execute(db);
    const eventId = rows[0].id;
    await sql`INSERT INTO contact (kind, name) SELECT 'activist', 'ناشط ' || n FROM generate_series(1, 300) n`.execute(db);
    await sql`INSERT INTO invitation (event_id, contact_id) SELECT ${eventId}, id FROM contact`.execute(db);

    await to(NAME);
    const backfilled = await codes();
    expect(backfilled).toHaveLength(300);
    for (const code of backfilled) expect(code).toMatch(CODE);
    expect(new Set(backfilled).size).toBe(300);

    await sql`INSERT INTO contact (kind, name) VALUES ('activist', 'قادم جديد')`.execute(db);
    await sql`INSERT INTO invitation (event_id, contact_id) SELECT ${eventId}, id FROM contact WHERE name = 'قادم جديد'`.execute(db);
    const after = await codes();
    expect(after).toHaveLength(301);
    expect(new Set(after).size).toBe(301);
    await expect(
      sql`UPDATE invitation SET check_in_code = ${backfilled[0]} WHERE check_in_code = ${backfilled[1]}`.execute(db),
    ).rejects.toThrow();
    await expect(sql`UPDATE invitation SET check_in_code = 'abc' WHERE check_in_code = ${backfilled[1]}`.execute(db)).rejects.toThrow();

    await to(before);
    const { rows: columns } =
      await sql`SELECT 1 FROM information_schema.columns WHERE table_name = 'invitation' AND column_name = 'check_in_code'`.execute(db);
    expect(columns).toEqual([]);
    await to(NAME);
    expect(new Set(await codes()).size).toBe(301);
  });
});
