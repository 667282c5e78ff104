import { isGovernorateCode } from '$domain/governorates';
import { listFollowUps } from '$lib/connections/connections-api';
import { asPageError } from '$lib/page-error';
import type { PageLoad } from './$types';

/**
 * ?all=1 lists everyone's due follow-ups (by default only those the current user logged); ?overdue=1 leaves out those
 * due today and ?governorate= keeps those with a participant there, so the dashboard's overdue figures link here.
 */
export const load: PageLoad = async ({ fetch, url }) => {
  const code = url.searchParams.get('governorate') ?? '';
  const query = {
    mine: url.searchParams.get('all') !== '1',
    overdue: url.searchParams.get('overdue') === '1',
    governorate: isGovernorateCode(code) ? code : '',
  };
  try {
    return { query, followUps: await listFollowUps(fetch, { ...query, governorate: query.governorate || undefined }) };
  } catch (cause) {
    asPageError(cause);
  }
};
