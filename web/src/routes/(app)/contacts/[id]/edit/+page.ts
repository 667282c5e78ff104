import { canWriteContacts } from '$domain/roles';
import { requireRole } from '$lib/auth/require-role';
import { getContact } from '$lib/contacts/contacts-api';
import { listCustomFields } from '$lib/custom-fields/custom-fields-api';
import { asPageError } from '$lib/page-error';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params, parent, fetch }) => {
  const { user } = await parent();
  requireRole(user.role, canWriteContacts);
  try {
    const [contact, customFields] = await Promise.all([getContact(params.id, fetch), listCustomFields(fetch)]);
    return { contact, customFields };
  } catch (cause) {
    asPageError(cause);
  }
};
