import { canManageRelationshipTypes } from '$domain/roles';
import { requireRole } from '$lib/auth/require-role';
import { listRelationshipTypes } from '$lib/connections/connections-api';
import { asPageError } from '$lib/page-error';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ parent, fetch }) => {
  const { user } = await parent();
  requireRole(user.role, canManageRelationshipTypes);
  try {
    return { relationshipTypes: await listRelationshipTypes(fetch) };
  } catch (cause) {
    asPageError(cause);
  }
};
