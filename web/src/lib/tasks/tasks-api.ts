import type {
  ActivityListDto,
  AssigneeListDto,
  CreateTaskInput,
  ListTasksFilter,
  TaskDto,
  TaskListDto,
  TaskSummaryDto,
  UpdateTaskInput,
} from '$api';
import { api, type Fetch } from '$lib/api';

export type TaskQuery = Partial<ListTasksFilter>;

export function listTasks(query: TaskQuery, fetch?: Fetch): Promise<TaskListDto> {
  return api('GET /tasks', { query: { ...query }, fetch });
}

export function createTask(input: CreateTaskInput): Promise<TaskDto> {
  return api('POST /tasks', { body: input });
}

export function updateTask(id: string, input: UpdateTaskInput): Promise<TaskDto> {
  return api('PATCH /tasks/:id', { params: { id }, body: input });
}

export function getTaskSummary(fetch?: Fetch): Promise<TaskSummaryDto> {
  return api('GET /tasks/summary', { fetch });
}

/** Who a task about this contact, interaction or event may be given to. */
export function listAssignees(subject: { contactId?: string; interactionId?: string; eventId?: string }): Promise<AssigneeListDto> {
  return api('GET /tasks/assignees', { query: subject });
}

export function listActivity(query: { days?: number; limit?: number; offset?: number }, fetch?: Fetch): Promise<ActivityListDto> {
  return api('GET /activity', { query, fetch });
}
