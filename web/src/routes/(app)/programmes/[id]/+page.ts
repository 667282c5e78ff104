import { getOverview, getProgramme, listParticipants } from '$lib/programmes/programmes-api';
import { asPageError } from '$lib/page-error';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params, fetch }) => {
  try {
    const [programme, overview, participants] = await Promise.all([
      getProgramme(params.id, fetch),
      getOverview(params.id, fetch),
      listParticipants(params.id, fetch),
    ]);
    return { programme, overview, participants };
  } catch (cause) {
    asPageError(cause);
  }
};
