import { api } from '$lib/api';
import { asPageError } from '$lib/page-error';
import type { PageLoad } from './$types';

/** The donor report for the period in the address (the server's defaults when there is none). */
export const load: PageLoad = async ({ params, url, fetch }) => {
  const query = { from: url.searchParams.get('from'), to: url.searchParams.get('to') };
  try {
    return { query, report: await api('GET /programmes/:id/report', { params: { id: params.id }, query, fetch }) };
  } catch (cause) {
    asPageError(cause);
  }
};
