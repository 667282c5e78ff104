import { getContact } from '$lib/contacts/contacts-api';
import { asPageError } from '$lib/page-error';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params, fetch }) => {
	try {
		return { contact: await getContact(params.id, fetch) };
	} catch (cause) {
		asPageError(cause);
	}
};
