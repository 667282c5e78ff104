import { getEvent, listGroups, listInvitations } from '$lib/events/events-api';
import { asPageError } from '$lib/page-error';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params, fetch }) => {
  try {
    const [event, groups, invitations] = await Promise.all([
      getEvent(params.id, fetch),
      listGroups(params.id, fetch),
      listInvitations(params.id, fetch),
    ]);
    return { event, groups, invitations };
  } catch (cause) {
    asPageError(cause);
  }
};
