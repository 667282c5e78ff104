import { getTaskSummary } from './tasks-api';

/**
 * The header's count of my overdue tasks. Loaded once per page view of the app and refreshed by whatever changes a
 * task, so the badge follows without a poll; a failure leaves the last count (the header must never break a page).
 */
class TaskSummary {
  open = $state(0);
  overdue = $state(0);

  async refresh(): Promise<void> {
    try {
      const summary = await getTaskSummary();
      this.open = summary.open;
      this.overdue = summary.overdue;
    } catch {
      // keep the last count
    }
  }
}

export const taskSummary = new TaskSummary();
