import { canManageProgrammes } from '$domain/programmes/vocabulary';
import { requireRole } from '$lib/auth/require-role';
import { getProgramme } from '$lib/programmes/programmes-api';
import { asPageError } from '$lib/page-error';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ parent, params, fetch }) => {
  const { user } = await parent();
  requireRole(user.role, canManageProgrammes);
  try {
    return { programme: await getProgramme(params.id, fetch) };
  } catch (cause) {
    asPageError(cause);
  }
};
