import { listContacts } from '$lib/contacts/contacts-api';
import { readListQuery } from '$lib/contacts/list-query';
import type { PageLoad } from './$types';

/** Re-runs whenever the query string changes; a failure is shown inside the list, next to the filters. */
export const load: PageLoad = async ({ url, fetch }) => {
	const query = readListQuery(url.searchParams);
	try {
		return { query, result: await listContacts(query, fetch), failure: null };
	} catch (failure) {
		return { query, result: null, failure };
	}
};
