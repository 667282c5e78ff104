import { getEvent, listInvitations } from '$lib/events/events-api';
import { listTemplates } from '$lib/outreach/whatsapp-api';
import { asPageError } from '$lib/page-error';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params, fetch, url }) => {
  try {
    const [event, invitations, templates] = await Promise.all([
      getEvent(params.id, fetch),
      listInvitations(params.id, fetch),
      listTemplates(params.id, fetch),
    ]);
    // The selection made on the list page comes along in the address (?ids=a,b,c).
    const ids = (url.searchParams.get('ids') ?? '').split(',').filter(Boolean);
    // The event page's reminder buttons open the page on their audience (?audience=no_reply|confirmed).
    const asked = url.searchParams.get('audience');
    const audience: 'no_reply' | 'confirmed' | null = asked === 'no_reply' || asked === 'confirmed' ? asked : null;
    return { event, invitations, templates, selectedIds: ids, audience };
  } catch (cause) {
    asPageError(cause);
  }
};
