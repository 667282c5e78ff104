import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/src/db/database.js';
import { createMigrator } from '../../server/src/db/migrate.js';
import { MIGRATIONS } from '../../migrations/index.js';
import { createEmptyDatabase } from '../helpers/test-database.js';

/** Issue 13, item 4: each interaction follow-up logged before tasks becomes a task of whoever logged it. */

const NAME = '20261203160000_tasks';
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

const one = async <T>(query: ReturnType<typeof sql<T>>) => (await query.execute(database.db)).rows[0];

describe(NAME, () => {
  it('copies open and done follow-ups into tasks, leaves interactions without one alone, and goes back down', async () => {
    await to(before);
    const db = database.db;
    const user = await one(
      sql<{ id: string }>`INSERT INTO app_user (email, name, password_hash, role) VALUES ('m@x.org', 'منسقة', 'x', 'staff') RETURNING id`,
    );
    const zainab = await one(sql<{ id: string }>`INSERT INTO contact (kind, name) VALUES ('activist', 'زينب') RETURNING id`);
    const ali = await one(sql<{ id: string }>`INSERT INTO contact (kind, name) VALUES ('activist', 'علي') RETURNING id`);
    const add = async (summary: string, followUp: string | null, done: boolean) => {
      const row = await one(sql<{
        id: string;
      }>`INSERT INTO interaction (kind, occurred_on, summary, follow_up_on, follow_up_done, logged_by)
        VALUES ('meeting', '2026-11-01', ${summary}, ${followUp}, ${done}, ${user.id}) RETURNING id`);
      await sql`INSERT INTO interaction_participant (interaction_id, contact_id) VALUES (${row.id}, ${zainab.id}), (${row.id}, ${ali.id})`.execute(
        db,
      );
      return row.id;
    };
    const open = await add('  لقاء   حول الورشة ', '2026-11-10', false);
    const done = await add('مكالمة', '2026-11-05', true);
    await add('بلا متابعة', null, false);

    await to(NAME);
    const tasks = (
      await sql<Record<string, unknown>>`SELECT title, assignee_id, created_by, due_on::text AS due_on, state, contact_id,
      interaction_id, completed_at IS NOT NULL AS completed FROM task ORDER BY due_on`.execute(db)
    ).rows;
    expect(tasks).toEqual([
      {
        title: 'مكالمة',
        assignee_id: user.id,
        created_by: user.id,
        due_on: '2026-11-05',
        state: 'done',
        contact_id: zainab.id,
        interaction_id: done,
        completed: true,
      },
      {
        title: 'لقاء حول الورشة',
        assignee_id: user.id,
        created_by: user.id,
        due_on: '2026-11-10',
        state: 'open',
        contact_id: zainab.id,
        interaction_id: open,
        completed: false,
      },
    ]);
    await expect(sql`INSERT INTO task (title, interaction_id) VALUES ('ثانية', ${open})`.execute(db)).rejects.toThrow();

    await to(before);
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'task'`.execute(
      db,
    );
    expect(rows[0].n).toBe(0);
  });
});
