import { getGovernorateStats, listPartnerships } from '$lib/management/management-api';
import { PAGE_SIZE, readPartnershipQuery, toFilter } from '$lib/management/partnership-query';
import type { PageLoad } from './$types';

/**
 * Re-runs whenever the query string changes. The table and the map load side by side; a failure of either is shown
 * in its own place, next to the filters, so the other stays usable.
 */
export const load: PageLoad = async ({ url, fetch }) => {
  const query = readPartnershipQuery(url.searchParams);
  const period = { from: query.from || undefined, to: query.to || undefined };
  const [list, map] = await Promise.allSettled([
    listPartnerships({ ...toFilter(query), limit: PAGE_SIZE, offset: query.offset }, fetch),
    getGovernorateStats(period, fetch),
  ]);
  return {
    query,
    result: list.status === 'fulfilled' ? list.value : null,
    failure: list.status === 'rejected' ? (list.reason as unknown) : null,
    map: map.status === 'fulfilled' ? map.value : null,
    mapFailure: map.status === 'rejected' ? (map.reason as unknown) : null,
  };
};
