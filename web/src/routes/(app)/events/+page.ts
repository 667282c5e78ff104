import { EVENT_TYPES, type EventType } from '$domain/events/vocabulary';
import { listEvents, type EventListQuery } from '$lib/events/events-api';
import type { PageLoad } from './$types';

/** The filters live in the query string, so a filtered list can be shared and survives a reload. */
export const load: PageLoad = async ({ url, fetch }) => {
  const get = (key: string) => url.searchParams.get(key) ?? '';
  const filters = { type: get('type'), governorate: get('governorate'), from: get('from'), to: get('to') };
  // A type not in the vocabulary (a hand-edited link) is left out rather than sent on to be refused.
  const type = (EVENT_TYPES as readonly string[]).includes(filters.type) ? (filters.type as EventType) : undefined;
  const query: EventListQuery = { ...filters, type, limit: 200 };
  try {
    return { filters, result: await listEvents(query, fetch), failure: null };
  } catch (failure) {
    return { filters, result: null, failure };
  }
};
