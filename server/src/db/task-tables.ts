import type { ColumnType, Generated } from 'kysely';
import type { TaskPriority, TaskState } from '../domain/tasks/vocabulary.js';
import type { Timestamp } from './types.js';

/* Tasks for colleagues (issue 13), kept apart from types.ts so each file stays about one part of the schema. */

export interface TaskTable {
  id: Generated<string>;
  title: string;
  notes: string | null;
  /** Null only when the assignee's account row was removed. */
  assignee_id: string | null;
  created_by: string | null;
  /** date: read it as text ('YYYY-MM-DD') in selects, so no time zone shifts a day. */
  due_on: ColumnType<Date, string | null | undefined, string | null> | null;
  priority: Generated<TaskPriority>;
  state: Generated<TaskState>;
  contact_id: string | null;
  /** At most one task per interaction: it is that interaction's follow-up. */
  interaction_id: string | null;
  event_id: string | null;
  completed_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}
