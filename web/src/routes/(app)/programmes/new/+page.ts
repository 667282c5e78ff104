import { canManageProgrammes } from '$domain/programmes/vocabulary';
import { requireRole } from '$lib/auth/require-role';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ parent }) => {
  const { user } = await parent();
  requireRole(user.role, canManageProgrammes);
};
