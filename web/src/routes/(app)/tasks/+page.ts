import { TASK_STATES, type TaskState } from '$domain/tasks/vocabulary';
import { listTasks } from '$lib/tasks/tasks-api';
import { asPageError } from '$lib/page-error';
import type { PageLoad } from './$types';

const isState = (value: string): value is TaskState => (TASK_STATES as readonly string[]).includes(value);

/**
 * The filters live in the URL: ?scope=all lists every task the caller may see (by default those assigned to them),
 * ?state=done|cancelled|all (open by default), ?overdue=1 only those past their due date.
 */
export const load: PageLoad = async ({ fetch, url }) => {
  const state = url.searchParams.get('state') ?? 'open';
  const query = {
    mine: url.searchParams.get('scope') !== 'all',
    state: isState(state) ? state : state === 'all' ? ('all' as const) : ('open' as const),
    overdue: url.searchParams.get('overdue') === '1',
  };
  try {
    const tasks = await listTasks(
      {
        assignee: query.mine ? 'me' : undefined,
        state: query.state === 'all' ? undefined : query.state,
        overdue: query.overdue || undefined,
        limit: 200,
      },
      fetch,
    );
    return { query, tasks };
  } catch (cause) {
    asPageError(cause);
  }
};
