import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from '../../db/database.js';
import type { ContactKind, Sensitivity } from '../../domain/contact-kinds.js';
import type { InteractionKind } from '../../domain/interaction-kinds.js';
import type { TaskPriority, TaskState } from '../../domain/tasks/vocabulary.js';
import type { Role } from '../../domain/roles.js';
import { contactInScope } from '../contact-refs/contact-refs.repository.js';

export interface TaskRow {
  id: string;
  title: string;
  notes: string | null;
  assignee_id: string | null;
  assignee_name: string | null;
  created_by: string | null;
  created_by_name: string | null;
  due_on: string | null;
  priority: TaskPriority;
  state: TaskState;
  overdue: boolean;
  contact_id: string | null;
  contact_name: string | null;
  contact_kind: ContactKind | null;
  contact_sensitivity: Sensitivity | null;
  interaction_id: string | null;
  interaction_kind: InteractionKind | null;
  interaction_occurred_on: string | null;
  event_id: string | null;
  event_title: string | null;
  completed_at: Date | null;
  created_at: Date;
  updated_at: Date;
  version: number;
}

export interface TaskValues {
  title: string;
  notes: string | null;
  assignee_id: string | null;
  due_on: string | null;
  priority: TaskPriority;
  state: TaskState;
}

export interface TaskLinks {
  contact_id: string | null;
  interaction_id: string | null;
  event_id: string | null;
}

/** Who may see which tasks: null governorates see all; a scoped user sees those in scope plus their own. */
export interface TaskViewer {
  id: string;
  governorates: string[] | null;
}

export interface TaskFilter {
  assignee?: string;
  state?: TaskState;
  /** Tasks about this contact directly or through an interaction it took part in. */
  contactId?: string;
  eventId?: string;
  overdue?: boolean;
  limit: number;
  offset: number;
}

const OVERDUE = sql<boolean>`(task.state = 'open' AND task.due_on IS NOT NULL AND task.due_on < current_date)`;

const TASK_COLUMNS = [
  'task.id',
  'task.title',
  'task.notes',
  'task.assignee_id',
  'assignee.name as assignee_name',
  'task.created_by',
  'creator.name as created_by_name',
  sql<string | null>`task.due_on::text`.as('due_on'),
  'task.priority',
  'task.state',
  OVERDUE.as('overdue'),
  'task.contact_id',
  'contact.name as contact_name',
  'contact.kind as contact_kind',
  'contact.sensitivity as contact_sensitivity',
  'task.interaction_id',
  'interaction.kind as interaction_kind',
  sql<string | null>`interaction.occurred_on::text`.as('interaction_occurred_on'),
  'task.event_id',
  'event.title as event_title',
  'task.completed_at',
  'task.created_at',
  'task.updated_at',
  'task.version',
] as const;

function joined(db: Db) {
  return db
    .selectFrom('task')
    .leftJoin('app_user as assignee', 'assignee.id', 'task.assignee_id')
    .leftJoin('app_user as creator', 'creator.id', 'task.created_by')
    .leftJoin('contact', 'contact.id', 'task.contact_id')
    .leftJoin('interaction', 'interaction.id', 'task.interaction_id')
    .leftJoin('event', 'event.id', 'task.event_id');
}

/** SQL: a scoped viewer's tasks — assigned to or created by them, or about something in their governorates. */
function visibleTo(viewer: TaskViewer): Expression<SqlBool> {
  const codes = viewer.governorates!;
  return sql<SqlBool>`(task.assignee_id = ${viewer.id} OR task.created_by = ${viewer.id}
    OR (task.contact_id IS NOT NULL AND ${contactInScope('task.contact_id', codes)})
    OR (task.interaction_id IS NOT NULL AND EXISTS (SELECT 1 FROM interaction_participant ip
        WHERE ip.interaction_id = task.interaction_id AND ${contactInScope('ip.contact_id', codes)}))
    OR (task.contact_id IS NULL AND task.interaction_id IS NULL AND event.governorate_code IN (${sql.join(codes)})))`;
}

function filtered(db: Db, viewer: TaskViewer, f: Omit<TaskFilter, 'limit' | 'offset'>) {
  return joined(db)
    .$if(viewer.governorates !== null, (qb) => qb.where(visibleTo(viewer)))
    .$if(f.assignee !== undefined, (qb) => qb.where('task.assignee_id', '=', f.assignee!))
    .$if(f.state !== undefined, (qb) => qb.where('task.state', '=', f.state!))
    .$if(f.eventId !== undefined, (qb) => qb.where('task.event_id', '=', f.eventId!))
    .$if(f.contactId !== undefined, (qb) =>
      qb.where(
        sql<SqlBool>`(task.contact_id = ${f.contactId!} OR task.interaction_id IN
          (SELECT ip.interaction_id FROM interaction_participant ip WHERE ip.contact_id = ${f.contactId!}))`,
      ),
    )
    .$if(f.overdue === true, (qb) => qb.where(OVERDUE))
    .$if(f.overdue === false, (qb) => qb.where(sql<SqlBool>`NOT ${OVERDUE}`));
}

/** Overdue first, then by due date (none last), open before closed, higher priority first. */
export async function listTasks(db: Db, viewer: TaskViewer, f: TaskFilter): Promise<{ rows: TaskRow[]; total: number }> {
  const base = filtered(db, viewer, f);
  const [rows, count] = await Promise.all([
    base
      .select(TASK_COLUMNS)
      .orderBy(sql`${OVERDUE} DESC`)
      .orderBy(sql`(task.state = 'open') DESC`)
      .orderBy(sql`task.due_on ASC NULLS LAST`)
      .orderBy(sql`CASE task.priority WHEN 'high' THEN 0 WHEN 'normal' THEN 1 ELSE 2 END`)
      .orderBy('task.created_at')
      .orderBy('task.id')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function findTask(db: Db, id: string, forUpdate = false): Promise<TaskRow | undefined> {
  return joined(db)
    .select(TASK_COLUMNS)
    .where('task.id', '=', id)
    .$if(forUpdate, (qb) => qb.forUpdate('task'))
    .executeTakeFirst();
}

/** Whether a scoped viewer may see this one task (the same rule as the list). */
export async function isTaskVisible(db: Db, viewer: TaskViewer, id: string): Promise<boolean> {
  if (viewer.governorates === null) return true;
  const row = await joined(db).select('task.id').where('task.id', '=', id).where(visibleTo(viewer)).executeTakeFirst();
  return row !== undefined;
}

export async function findTaskIdOfInteraction(db: Db, interactionId: string, forUpdate = false) {
  return db
    .selectFrom('task')
    .select(['id', 'version'])
    .where('interaction_id', '=', interactionId)
    .$if(forUpdate, (qb) => qb.forUpdate())
    .executeTakeFirst();
}

export async function insertTask(db: Db, values: TaskValues & TaskLinks & { created_by: string }): Promise<string> {
  const row = await db
    .insertInto('task')
    .values({ ...values, completed_at: values.state === 'done' ? new Date() : null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Many open tasks at once (a bulk "follow up with these contacts"), in one statement. */
export async function insertOpenTasks(db: Db, rows: (TaskValues & TaskLinks & { created_by: string })[]): Promise<string[]> {
  if (rows.length === 0) return [];
  const inserted = await db
    .insertInto('task')
    .values(rows.map((r) => ({ ...r, completed_at: null })))
    .returning('id')
    .execute();
  return inserted.map((r) => r.id);
}

export async function updateTask(db: Db, id: string, expectedVersion: number, values: Partial<TaskValues>): Promise<boolean> {
  const result = await db
    .updateTable('task')
    .set((eb) => ({
      ...values,
      ...(values.state !== undefined ? { completed_at: values.state === 'done' ? new Date() : null } : {}),
      updated_at: new Date(),
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** The interaction's follow-up columns are a copy of its task (see domain/tasks/vocabulary.ts). */
export async function copyFollowUpToInteraction(
  db: Db,
  interactionId: string,
  followUp: { followUpOn: string | null; followUpDone: boolean },
) {
  await db
    .updateTable('interaction')
    .set({ follow_up_on: followUp.followUpOn, follow_up_done: followUp.followUpDone })
    .where('id', '=', interactionId)
    .execute();
}

export async function countMine(db: Db, userId: string): Promise<{ open: number; overdue: number }> {
  const row = await db
    .selectFrom('task')
    .select((eb) => [eb.fn.countAll<string>().as('open'), sql<string>`count(*) FILTER (WHERE ${OVERDUE})`.as('overdue')])
    .where('task.assignee_id', '=', userId)
    .where('task.state', '=', 'open')
    .executeTakeFirstOrThrow();
  return { open: Number(row.open), overdue: Number(row.overdue) };
}

export interface AssigneeRow {
  id: string;
  name: string;
  role: Role;
  active: boolean;
  governorates: string[] | null;
}

export async function findAssignee(db: Db, id: string): Promise<AssigneeRow | undefined> {
  return db.selectFrom('app_user').select(['id', 'name', 'role', 'active', 'governorates']).where('id', '=', id).executeTakeFirst();
}

/** Active accounts whose role may hold tasks, by name: the "assign to" choices. */
export async function listActiveWriters(db: Db): Promise<AssigneeRow[]> {
  return db
    .selectFrom('app_user')
    .select(['id', 'name', 'role', 'active', 'governorates'])
    .where('active', '=', true)
    .where('role', 'in', ['admin', 'coordinator', 'staff'])
    .orderBy('name')
    .orderBy('id')
    .execute();
}
