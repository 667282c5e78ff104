import { getEvent, listInvitations } from '$lib/events/events-api';
import { listTemplates } from '$lib/outreach/whatsapp-api';
import { asPageError } from '$lib/page-error';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params, fetch, url }) => {
	try {
		const [event, invitations, templates] = await Promise.all([
			getEvent(params.id, fetch),
			listInvitations(params.id, fetch),
			listTemplates(params.id, fetch)
		]);
		// The selection made on the list page comes along in the address (?ids=a,b,c).
		const ids = (url.searchParams.get('ids') ?? '').split(',').filter(Boolean);
		return { event, invitations, templates, selectedIds: ids };
	} catch (cause) {
		asPageError(cause);
	}
};
