import { getEvent, getSummary, listGroups, listInvitations } from '$lib/events/events-api';
import { asPageError } from '$lib/page-error';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params, fetch }) => {
  try {
    const [event, invitations, groups, summary] = await Promise.all([
      getEvent(params.id, fetch),
      listInvitations(params.id, fetch),
      listGroups(params.id, fetch),
      getSummary(params.id, fetch),
    ]);
    return { event, invitations, groups, summary };
  } catch (cause) {
    asPageError(cause);
  }
};
