import { canManageEvents } from '$domain/events/vocabulary';
import { requireRole } from '$lib/auth/require-role';
import { getEvent } from '$lib/events/events-api';
import { asPageError } from '$lib/page-error';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params, parent, fetch }) => {
  const { user } = await parent();
  requireRole(user.role, canManageEvents);
  try {
    return { event: await getEvent(params.id, fetch) };
  } catch (cause) {
    asPageError(cause);
  }
};
