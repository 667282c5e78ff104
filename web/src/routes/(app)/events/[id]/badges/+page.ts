import { getBadges } from '$lib/check-in/check-in-api';
import { getEvent, listGroups } from '$lib/events/events-api';
import { asPageError } from '$lib/page-error';
import type { PageLoad } from './$types';

/** Sheet state lives in the URL (?group=all|<id>&perPage=8|10), so a sheet can be bookmarked and reprinted. */
export const load: PageLoad = async ({ params, fetch, url }) => {
  const groupParam = url.searchParams.get('group') ?? 'all';
  const perPage = url.searchParams.get('perPage') === '10' ? 10 : 8;
  try {
    const [event, groups, badges] = await Promise.all([
      getEvent(params.id, fetch),
      listGroups(params.id, fetch),
      getBadges(params.id, groupParam === 'all' ? null : groupParam, fetch),
    ]);
    return { event, groups, badges, groupParam, perPage };
  } catch (cause) {
    asPageError(cause);
  }
};
