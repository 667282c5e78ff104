import type { RsvpViewDto } from '$api';
import { failureOf } from '$lib/outreach/rsvp-failure';
import type { PageLoad } from './$types';

/**
 * The invitee's public page: no session, no app data. Plain fetch rather than the app's API client, which sends
 * people to the sign-in page on 401 and reports database outages to the staff banner.
 */
export const load: PageLoad = async ({ params, fetch }) => {
  try {
    const response = await fetch(`/api/rsvp/${encodeURIComponent(params.token)}`, { headers: { accept: 'application/json' } });
    if (response.ok) return { token: params.token, view: (await response.json()) as RsvpViewDto, failure: null };
    return { token: params.token, view: null, failure: failureOf(response.status) };
  } catch {
    return { token: params.token, view: null, failure: 'failed' as const };
  }
};
