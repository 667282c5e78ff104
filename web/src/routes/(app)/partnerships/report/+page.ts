import { listAllPartnerships } from '$lib/management/management-api';
import { readPartnershipQuery, toFilter } from '$lib/management/partnership-query';
import { asPageError } from '$lib/page-error';
import type { PageLoad } from './$types';

/** The print view: every row of the partnerships page's filters, in its sort order. */
export const load: PageLoad = async ({ url, fetch }) => {
  const query = readPartnershipQuery(url.searchParams);
  try {
    return { query, report: await listAllPartnerships(toFilter(query), fetch) };
  } catch (cause) {
    asPageError(cause);
  }
};
