import { canWriteContacts } from '$domain/roles';
import { requireRole } from '$lib/auth/require-role';
import { listDuplicates } from '$lib/duplicates/duplicates-api';
import { readDuplicateQuery } from '$lib/duplicates/list-query';
import type { PageLoad } from './$types';

/** A failure is shown inside the page, next to the filters, like the contacts list. */
export const load: PageLoad = async ({ parent, fetch, url }) => {
  const { user } = await parent();
  requireRole(user.role, canWriteContacts);
  const query = readDuplicateQuery(url.searchParams);
  try {
    return { query, result: await listDuplicates(query, fetch), failure: null };
  } catch (failure) {
    return { query, result: null, failure };
  }
};
