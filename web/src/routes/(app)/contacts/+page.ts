import { loadColumnChoice } from '$lib/contacts/column-choice';
import { listCustomFields } from '$lib/custom-fields/custom-fields-api';
import { listContacts } from '$lib/contacts/contacts-api';
import { readListQuery } from '$lib/contacts/list-query';
import { listSegments } from '$lib/contacts/segments-api';
import type { PageLoad } from './$types';

/**
 * Re-runs whenever the query string changes; a failure is shown inside the list, next to the filters. The segments
 * sidebar failing to load leaves the list usable.
 */
export const load: PageLoad = async ({ url, fetch, parent, depends }) => {
  depends('app:segments');
  const query = readListQuery(url.searchParams);
  const { user } = await parent();
  const segments = listSegments(fetch).then(
    (r) => r.items,
    () => null,
  );
  // Without the field list the table still works, with no custom columns or filters.
  const [customFields, { columns, customColumns: chosen }] = await Promise.all([
    listCustomFields(fetch).catch(() => []),
    loadColumnChoice(user.id, fetch),
  ]);
  const customColumns = customFields.filter((f) => chosen.includes(f.key));
  const shared = { query, columns, customFields, customColumns };
  try {
    return { ...shared, result: await listContacts(query, columns, fetch), failure: null, segments: await segments };
  } catch (failure) {
    return { ...shared, result: null, failure, segments: await segments };
  }
};
