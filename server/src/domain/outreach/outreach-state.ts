/*
 * Where an invitation stands in outreach, for the list's filter and its compact per-row status. Pure: the server
 * filters with it and the web app shows the same words.
 */

export const OUTREACH_FILTERS = ['not_contacted', 'contacted_no_reply', 'replied_via_link'] as const;
export type OutreachFilter = (typeof OUTREACH_FILTERS)[number];

export interface OutreachFacts {
  /** When a message (any channel) was last confirmed sent; null when none was. */
  lastSentAt: string | null;
  /** When the invitee last answered through their reply link; null when never. */
  repliedViaLinkAt: string | null;
}

/**
 * not_contacted: no message sent through the app and no answer by link. contacted_no_reply: a message went out and the
 * invitation still waits for an answer (status invited). replied_via_link: the invitee answered on their page.
 */
export function matchesOutreach(filter: OutreachFilter, facts: OutreachFacts, status: string): boolean {
  switch (filter) {
    case 'replied_via_link':
      return facts.repliedViaLinkAt !== null;
    case 'contacted_no_reply':
      return facts.lastSentAt !== null && facts.repliedViaLinkAt === null && status === 'invited';
    case 'not_contacted':
      return facts.lastSentAt === null && facts.repliedViaLinkAt === null;
  }
}
