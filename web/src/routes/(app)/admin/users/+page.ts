import { canManageUsers } from '$domain/roles';
import { requireRole } from '$lib/auth/require-role';
import { asPageError } from '$lib/page-error';
import { listUsers } from '$lib/users/users-api';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ parent, fetch }) => {
  const { user } = await parent();
  requireRole(user.role, canManageUsers);
  try {
    return { users: await listUsers(fetch) };
  } catch (cause) {
    asPageError(cause);
  }
};
