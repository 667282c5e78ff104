import { canViewAudit } from '$domain/audit/audit-actions';
import { canManageUsers } from '$domain/roles';
import { getNeedsALook, listAudit } from '$lib/audit/audit-api';
import { readAuditQuery, toAuditFilter } from '$lib/audit/audit-query';
import { requireRole } from '$lib/auth/require-role';
import { listUsers } from '$lib/users/users-api';
import type { PageLoad } from './$types';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Re-runs when the query string changes; the log, the "needs a look" panel and the people list fail on their own. */
export const load: PageLoad = async ({ parent, url, fetch }) => {
  const { user } = await parent();
  requireRole(user.role, canViewAudit);
  const query = readAuditQuery(url.searchParams);
  const dayParam = url.searchParams.get('day') ?? '';
  const day = DAY.test(dayParam) ? dayParam : undefined;
  const [page, look, people] = await Promise.allSettled([
    listAudit(toAuditFilter(query), fetch),
    getNeedsALook(day, fetch),
    // Only administrators may list accounts; coordinators filter by a person by choosing a name in the log.
    canManageUsers(user.role) ? listUsers(fetch) : Promise.resolve([]),
  ]);
  return {
    query,
    day,
    page: page.status === 'fulfilled' ? page.value : null,
    failure: page.status === 'rejected' ? (page.reason as unknown) : null,
    look: look.status === 'fulfilled' ? look.value : null,
    lookFailure: look.status === 'rejected' ? (look.reason as unknown) : null,
    people: people.status === 'fulfilled' ? people.value : [],
  };
};
