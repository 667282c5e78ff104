import type { HistoryPageDto } from '$api';
import { apiRequest } from '$lib/api';

export type HistoryOf = 'contacts' | 'events';

/** One page of a contact's or an event's change history, newest first (docs/api-history.md). */
export function loadHistory(of: HistoryOf, id: string, before: string | null = null): Promise<HistoryPageDto> {
  const query = before ? `?before=${encodeURIComponent(before)}` : '';
  return apiRequest<HistoryPageDto>('GET', `/${of}/${encodeURIComponent(id)}/history${query}`);
}
