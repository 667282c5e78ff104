import { canRestoreFromTrash } from '$domain/trash/vocabulary';
import { requireRole } from '$lib/auth/require-role';
import { asPageError } from '$lib/page-error';
import { listTrash } from '$lib/trash/trash-api';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ parent, fetch }) => {
  const { user } = await parent();
  requireRole(user.role, canRestoreFromTrash);
  try {
    return { trash: await listTrash({}, fetch) };
  } catch (cause) {
    asPageError(cause);
  }
};
