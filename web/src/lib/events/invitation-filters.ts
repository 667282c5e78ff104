import type { InvitationStatus } from '$domain/events/vocabulary';
import { matchesOutreach, type OutreachFilter } from '$domain/outreach/outreach-state';
import type { Invitation } from './types';

export interface InvitationFilter {
  status: InvitationStatus | '';
  outreach: OutreachFilter | '';
}

const outreachFacts = (i: Invitation) => ({
  lastSentAt: i.outreach?.lastSentAt ?? null,
  repliedViaLinkAt: i.outreach?.repliedViaLink?.at ?? null,
});

export const matchesOutreachFilter = (filter: OutreachFilter, i: Invitation) => matchesOutreach(filter, outreachFacts(i), i.status);

/** The rows the list shows for the chosen status and outreach state (an empty choice lets every row through). */
export const filterInvitations = (invitations: Invitation[], filter: InvitationFilter) =>
  invitations.filter(
    (i) => (!filter.status || i.status === filter.status) && (!filter.outreach || matchesOutreachFilter(filter.outreach, i)),
  );
