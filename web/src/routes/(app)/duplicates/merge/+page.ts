import { canWriteContacts } from '$domain/roles';
import { requireRole } from '$lib/auth/require-role';
import { getConnections } from '$lib/connections/connections-api';
import { getContact } from '$lib/contacts/contacts-api';
import { asPageError } from '$lib/page-error';
import type { PageLoad } from './$types';

const MAX_CONTACTS = 11;

/** ?ids=a,b[,c…]: the contacts to merge; their connections only feed the "what moves" summary. */
export const load: PageLoad = async ({ parent, fetch, url }) => {
  const { user } = await parent();
  requireRole(user.role, canWriteContacts);
  const ids = [...new Set((url.searchParams.get('ids') ?? '').split(',').filter((id) => id !== ''))].slice(0, MAX_CONTACTS);
  try {
    const contacts = await Promise.all(ids.map((id) => getContact(id, fetch)));
    const connections = await Promise.all(ids.map((id) => getConnections(id, fetch).catch(() => null)));
    return { contacts, connections };
  } catch (cause) {
    asPageError(cause);
  }
};
