import { type Kysely, sql } from 'kysely';

// Working groups keep the order they were created in, and people can reorder them (issue 14, item 6). Groups were
// all created at position 0 and so listed by name; number each event's groups 0, 1, 2 … in creation order, and make a
// position unique within its event (deferrable, so one statement can swap two groups). Frozen once landed.
// No app imports here.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    UPDATE event_group g SET sort_order = o.position
    FROM (
      SELECT id, (row_number() OVER (PARTITION BY event_id ORDER BY sort_order, created_at, name, id) - 1)::int AS position
      FROM event_group
    ) o
    WHERE o.id = g.id AND g.sort_order IS DISTINCT FROM o.position`.execute(db);
  await sql`ALTER TABLE event_group ADD CONSTRAINT event_group_position_unique UNIQUE (event_id, sort_order)
    DEFERRABLE INITIALLY IMMEDIATE`.execute(db);
  await sql`ALTER TABLE event_group ADD CONSTRAINT event_group_position_not_negative CHECK (sort_order >= 0)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE event_group DROP CONSTRAINT event_group_position_not_negative`.execute(db);
  await sql`ALTER TABLE event_group DROP CONSTRAINT event_group_position_unique`.execute(db);
}
