import { canWriteContacts } from '$domain/roles';
import { requireRole } from '$lib/auth/require-role';
import { getImport, listImports } from '$lib/imports/imports-api';
import { asPageError } from '$lib/page-error';
import type { PageLoad } from './$types';

/** ?id=… is an import under way (or done): the page shows its current step. Without it: a new upload. */
export const load: PageLoad = async ({ parent, fetch, url }) => {
  const { user } = await parent();
  requireRole(user.role, canWriteContacts);
  const id = url.searchParams.get('id');
  if (id) {
    try {
      return { batch: await getImport(id, fetch), recent: null };
    } catch (cause) {
      asPageError(cause);
    }
  }
  // The recent list is a convenience: the upload still works when it cannot be loaded.
  const recent = await listImports(fetch).catch(() => null);
  return { batch: null, recent: recent?.items ?? null };
};
