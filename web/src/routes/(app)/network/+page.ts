import { isGovernorateCode } from '$domain/governorates';
import { getNetwork, readNetworkQuery } from '$lib/network/network-api';
import type { PageLoad } from './$types';

/** Re-runs whenever the query string changes; a failure is shown on the page, next to the controls. */
export const load: PageLoad = async ({ url, fetch }) => {
  const query = readNetworkQuery(url.searchParams, isGovernorateCode);
  if (!query.contact && !query.governorate) return { query, network: null, failure: null };
  try {
    return { query, network: await getNetwork(query, fetch), failure: null };
  } catch (failure) {
    return { query, network: null, failure };
  }
};
