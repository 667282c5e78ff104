import { listFollowUps } from '$lib/connections/connections-api';
import { asPageError } from '$lib/page-error';
import type { PageLoad } from './$types';

/** ?all=1 lists everyone's due follow-ups; by default only those the current user logged. */
export const load: PageLoad = async ({ fetch, url }) => {
	const mine = url.searchParams.get('all') !== '1';
	try {
		return { mine, followUps: await listFollowUps(fetch, { mine }) };
	} catch (cause) {
		asPageError(cause);
	}
};
