import { canWriteContacts, type Role } from '../roles.js';

/** Tasks for colleagues (issue 13, item 4): shared by the server and the web app. */
export const TASK_PRIORITIES = ['low', 'normal', 'high'] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];

export const TASK_STATES = ['open', 'done', 'cancelled'] as const;
export type TaskState = (typeof TASK_STATES)[number];

export const TASK_TITLE_MAX = 200;

/** Whoever may change contacts may create tasks, change them, and be given one. */
export const canWriteTasks = (role: Role) => canWriteContacts(role);

/**
 * A follow-up logged on an interaction is its task; the interaction's follow_up_on / follow_up_done columns are a copy
 * of that task written in the same transaction, so the older readers (dashboard, filters, exports) keep working.
 */
export const followUpOfTask = (task: { state: TaskState; dueOn: string | null }) => ({
  followUpOn: task.state === 'cancelled' ? null : task.dueOn,
  followUpDone: task.state === 'done',
});

/** The kinds of line in the team activity feed. */
export const ACTIVITY_KINDS = ['contact_created', 'interaction_logged', 'focal_point_replaced', 'event_held'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
