import { listEvents, type EventListQuery } from '$lib/events/events-api';
import type { PageLoad } from './$types';

/** The filters live in the query string, so a filtered list can be shared and survives a reload. */
export const load: PageLoad = async ({ url, fetch }) => {
	const get = (key: string) => url.searchParams.get(key) ?? '';
	const filters = { type: get('type'), governorate: get('governorate'), from: get('from'), to: get('to') };
	const query: EventListQuery = { ...filters, limit: 200 };
	try {
		return { filters, result: await listEvents(query, fetch), failure: null };
	} catch (failure) {
		return { filters, result: null, failure };
	}
};
