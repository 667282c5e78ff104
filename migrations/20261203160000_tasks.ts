import { type Kysely, sql } from 'kysely';

// Tasks for colleagues (issue 13, item 4). Frozen once landed. No app imports here.
//  - task: a follow-up with an assignee, a due date, a priority and a state, optionally about a contact, an interaction
//    (at most one task each: it is that interaction's follow-up) or an event. Links are ON DELETE SET NULL so the
//    trash keeps them to re-link on restore.
//  - each existing interaction follow-up becomes a task assigned to whoever logged the interaction, about its first
//    participant by name; interaction.follow_up_on / follow_up_done stay as a copy the tasks service keeps in step.
//  - indexes: "my open tasks by due date" (assignee, state, due date), a contact's and an event's tasks, and
//    created_at on interaction and position for the activity feed's "this week" (event.starts_at and
//    contact.created_at have theirs).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('task')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('title', 'text', (c) => c.notNull().check(sql`length(title) BETWEEN 1 AND 200`))
    .addColumn('notes', 'text')
    .addColumn('assignee_id', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn('created_by', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn('due_on', 'date')
    .addColumn('priority', 'text', (c) => c.notNull().defaultTo('normal').check(sql`priority IN ('low', 'normal', 'high')`))
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('open').check(sql`state IN ('open', 'done', 'cancelled')`))
    .addColumn('contact_id', 'uuid', (c) => c.references('contact.id').onDelete('set null'))
    .addColumn('interaction_id', 'uuid', (c) => c.references('interaction.id').onDelete('set null'))
    .addColumn('event_id', 'uuid', (c) => c.references('event.id').onDelete('set null'))
    .addColumn('completed_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await sql`CREATE INDEX task_assignee_state_idx ON task (assignee_id, state, due_on)`.execute(db);
  await sql`CREATE INDEX task_created_by_idx ON task (created_by)`.execute(db);
  await sql`CREATE INDEX task_contact_idx ON task (contact_id) WHERE contact_id IS NOT NULL`.execute(db);
  await sql`CREATE INDEX task_event_idx ON task (event_id) WHERE event_id IS NOT NULL`.execute(db);
  await sql`CREATE UNIQUE INDEX task_interaction_idx ON task (interaction_id) WHERE interaction_id IS NOT NULL`.execute(db);
  await sql`CREATE INDEX interaction_created_at_idx ON interaction (created_at)`.execute(db);
  await sql`CREATE INDEX position_created_at_idx ON position (created_at)`.execute(db);

  await sql`
    INSERT INTO task (title, assignee_id, created_by, due_on, state, contact_id, interaction_id, completed_at, created_at, updated_at)
    SELECT left(regexp_replace(btrim(i.summary), '[[:space:]]+', ' ', 'g'), 200), i.logged_by, i.logged_by, i.follow_up_on,
           CASE WHEN i.follow_up_done THEN 'done' ELSE 'open' END,
           (SELECT ip.contact_id FROM interaction_participant ip JOIN contact c ON c.id = ip.contact_id
             WHERE ip.interaction_id = i.id ORDER BY c.name, c.id LIMIT 1),
           i.id, CASE WHEN i.follow_up_done THEN i.updated_at END, i.created_at, i.updated_at
    FROM interaction i
    WHERE i.follow_up_on IS NOT NULL`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX position_created_at_idx`.execute(db);
  await sql`DROP INDEX interaction_created_at_idx`.execute(db);
  await db.schema.dropTable('task').execute();
}
