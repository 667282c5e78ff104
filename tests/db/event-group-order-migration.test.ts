import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/src/db/database.js';
import { createMigrator } from '../../server/src/db/migrate.js';
import { MIGRATIONS } from '../../migrations/index.js';
import { createEmptyDatabase } from '../helpers/test-database.js';

/** Issue 14, item 6: groups created before positions were kept get their creation order, and go back down cleanly. */

const NAME = '20261202171000_event_group_order';
const names = Object.keys(MIGRATIONS);
const before = names[names.indexOf(NAME) - 1];

let database: Database;
beforeAll(async () => {
  database = await createEmptyDatabase();
});
afterAll(() => database.close());

async function to(name: string) {
  const result = await createMigrator(database.db).migrateTo(name);
  if (result.error) throw result.error instanceof Error ? result.error : new Error(`migration to ${name} failed`);
}

describe(NAME, () => {
  it('numbers each event’s groups in creation order and makes positions unique per event', async () => {
    await to(before);
    const db = database.db;
    const events = [];
    for (const title of ['أ', 'ب']) {
      const { rows } = await sql<{ id: string }>`INSERT INTO event (title, type, starts_at, ends_at)
        VALUES (${title}, 'workshop', '2026-06-10T09:00:00Z', '2026-06-10T12:00:00Z') RETURNING id`.execute(db);
      events.push(rows[0].id);
    }
    // Created one after the other, all at position 0: they used to list by name (الأولى، الثالثة، الثانية).
    const created = ['المجموعة الأولى', 'المجموعة الثانية', 'المجموعة الثالثة'];
    for (const eventId of events) {
      for (const [n, name] of created.entries()) {
        await sql`INSERT INTO event_group (event_id, name, created_at) VALUES (${eventId}, ${name}, ${`2026-05-0${n + 1}T10:00:00Z`})`.execute(
          db,
        );
      }
    }
    await to(NAME);
    for (const eventId of events) {
      const { rows } = await sql<{ name: string; sort_order: number }>`SELECT name, sort_order FROM event_group
        WHERE event_id = ${eventId} ORDER BY sort_order`.execute(db);
      expect(rows.map((r) => [r.name, r.sort_order])).toEqual(created.map((name, n) => [name, n]));
    }
    await expect(sql`UPDATE event_group SET sort_order = 0 WHERE event_id = ${events[0]}`.execute(db)).rejects.toThrow();
    await expect(
      sql`INSERT INTO event_group (event_id, name, sort_order) VALUES (${events[0]}, 'سالبة', -1)`.execute(db),
    ).rejects.toThrow();

    await to(before);
    await sql`UPDATE event_group SET sort_order = 0 WHERE event_id = ${events[0]}`.execute(db);
    await to(NAME);
  });
});
