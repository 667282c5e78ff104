import { isGovernorateCode } from '$domain/governorates';
import { getDashboard, getGovernorateStats } from '$lib/management/management-api';
import { isIsoDate } from '$lib/management/period-presets';
import type { PageLoad } from './$types';

/** ?from=&to= choose the period (API defaults: the last twelve months); ?governorate= narrows every figure. */
export const load: PageLoad = async ({ url, fetch }) => {
  const param = (name: string) => url.searchParams.get(name) ?? '';
  const query = {
    from: isIsoDate(param('from')) ? param('from') : '',
    to: isIsoDate(param('to')) ? param('to') : '',
    governorate: isGovernorateCode(param('governorate')) ? param('governorate') : '',
  };
  const period = { from: query.from || undefined, to: query.to || undefined };
  const [dashboard, map] = await Promise.allSettled([
    getDashboard({ ...period, governorate: query.governorate || undefined }, fetch),
    getGovernorateStats(period, fetch),
  ]);
  return {
    query,
    dashboard: dashboard.status === 'fulfilled' ? dashboard.value : null,
    failure: dashboard.status === 'rejected' ? (dashboard.reason as unknown) : null,
    map: map.status === 'fulfilled' ? map.value : null,
  };
};
