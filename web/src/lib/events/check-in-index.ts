import { LocalIndex } from '$domain/search/local-index';
import type { Invitation } from './types';

export interface CheckInEntry {
  /** The person at the door: the representative when there is one. */
  name: string;
  /** Searched too: the organisation or team they represent. */
  nameLatin: string | null;
  invitation: Invitation;
}

/** The directory's Arabic-tolerant matching, over the event's own list, in the browser. */
export function checkInIndex(invitations: Invitation[]): LocalIndex<CheckInEntry> {
  return new LocalIndex(
    invitations.map((invitation) => ({
      name: invitation.representative?.name ?? invitation.contact.name,
      nameLatin: invitation.representative ? invitation.contact.name : null,
      invitation,
    })),
  );
}
