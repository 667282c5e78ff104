import { canManageEvents } from '$domain/events/vocabulary';
import { requireRole } from '$lib/auth/require-role';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ parent }) => {
  const { user } = await parent();
  requireRole(user.role, canManageEvents);
};
