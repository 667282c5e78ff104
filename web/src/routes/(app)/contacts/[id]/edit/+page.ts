import { canWriteContacts } from '$domain/roles';
import { requireRole } from '$lib/auth/require-role';
import { getContact } from '$lib/contacts/contacts-api';
import { asPageError } from '$lib/page-error';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params, parent, fetch }) => {
  const { user } = await parent();
  requireRole(user.role, canWriteContacts);
  try {
    return { contact: await getContact(params.id, fetch) };
  } catch (cause) {
    asPageError(cause);
  }
};
