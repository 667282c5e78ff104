import { listFollowUps } from '$lib/connections/connections-api';
import { asPageError } from '$lib/page-error';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch }) => {
	try {
		return { followUps: await listFollowUps(fetch) };
	} catch (cause) {
		asPageError(cause);
	}
};
