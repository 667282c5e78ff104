import { readColumns } from '$lib/contacts/column-choice';
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
  const columns = readColumns(user.id);
  const segments = listSegments(fetch).then(
    (r) => r.items,
    () => null,
  );
  try {
    return { query, columns, result: await listContacts(query, columns, fetch), failure: null, segments: await segments };
  } catch (failure) {
    return { query, columns, result: null, failure, segments: await segments };
  }
};
