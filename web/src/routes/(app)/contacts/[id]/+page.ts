import { getConnections, listRelationshipTypes } from '$lib/connections/connections-api';
import { getContact } from '$lib/contacts/contacts-api';
import { listCustomFields } from '$lib/custom-fields/custom-fields-api';
import { asPageError } from '$lib/page-error';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params, fetch }) => {
  try {
    const [contact, connections, relationshipTypes, customFields] = await Promise.all([
      getContact(params.id, fetch),
      // The contact's own details still show when its connections cannot be loaded.
      getConnections(params.id, fetch).catch(() => null),
      listRelationshipTypes(fetch).catch(() => []),
      listCustomFields(fetch).catch(() => []),
    ]);
    return { contact, connections, relationshipTypes, customFields };
  } catch (cause) {
    asPageError(cause);
  }
};
