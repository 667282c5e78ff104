import { canChangeSettings } from '$domain/roles';
import { requireRole } from '$lib/auth/require-role';
import { listCustomFields } from '$lib/custom-fields/custom-fields-api';
import { asPageError } from '$lib/page-error';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ parent, fetch }) => {
  const { user } = await parent();
  requireRole(user.role, canChangeSettings);
  try {
    return { customFields: await listCustomFields(fetch, true) };
  } catch (cause) {
    asPageError(cause);
  }
};
