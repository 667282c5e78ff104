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
import { apiRequest, type Fetch } from '$lib/api';

const enc = encodeURIComponent;

export type TaskQuery = Partial<ListTasksFilter>;

export function listTasks(query: TaskQuery, fetch?: Fetch): Promise<TaskListDto> {
  return apiRequest('GET', '/tasks', { query: { ...query }, fetch });
}

export function createTask(input: CreateTaskInput): Promise<TaskDto> {
  return apiRequest('POST', '/tasks', { body: input });
}

export function updateTask(id: string, input: UpdateTaskInput): Promise<TaskDto> {
  return apiRequest('PATCH', `/tasks/${enc(id)}`, { body: input });
}

export function getTaskSummary(fetch?: Fetch): Promise<TaskSummaryDto> {
  return apiRequest('GET', '/tasks/summary', { fetch });
}

/** Who a task about this contact, interaction or event may be given to. */
export function listAssignees(subject: { contactId?: string; interactionId?: string; eventId?: string }): Promise<AssigneeListDto> {
  return apiRequest('GET', '/tasks/assignees', { query: subject });
}

export function listActivity(query: { days?: number; limit?: number; offset?: number }, fetch?: Fetch): Promise<ActivityListDto> {
  return apiRequest('GET', '/activity', { query, fetch });
}
