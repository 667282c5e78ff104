import type { HistoryPageDto } from '$api';
import { api } from '$lib/api';

export type HistoryOf = 'contacts' | 'events';

const HISTORY_ROUTES = { contacts: 'GET /contacts/:id/history', events: 'GET /events/:id/history' } as const;

/** One page of a contact's or an event's change history, newest first (docs/api-history.md). */
export function loadHistory(of: HistoryOf, id: string, before: string | null = null): Promise<HistoryPageDto> {
  return api(HISTORY_ROUTES[of], { params: { id }, query: { before: before ?? undefined } });
}
