import { listActivity } from '$lib/tasks/tasks-api';
import { asPageError } from '$lib/page-error';
import type { PageLoad } from './$types';

const PAGE_SIZE = 50;

/** ?days=30 widens the default week; ?offset= pages through it. Both in the URL, so a page can be shared. */
export const load: PageLoad = async ({ fetch, url }) => {
  const days = url.searchParams.get('days') === '30' ? 30 : 7;
  const offset = Math.max(0, Number.parseInt(url.searchParams.get('offset') ?? '0', 10) || 0);
  try {
    return { days, offset, activity: await listActivity({ days, limit: PAGE_SIZE, offset }, fetch) };
  } catch (cause) {
    asPageError(cause);
  }
};
