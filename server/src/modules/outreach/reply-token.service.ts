import type { Db } from '../../db/database.js';
import { AppError } from '../../errors.js';
import { findEvent, type EventRow } from '../events/events.repository.js';
import { findInvitations, type InvitationRow } from '../events/invitations.repository.js';
import { findLinkByHash } from './reply-links.repository.js';
import { REPLY_TOKEN_PATTERN, tokenHash } from './reply-link-tokens.js';

const TOKEN = new RegExp(REPLY_TOKEN_PATTERN);

/** Same answer for a malformed token and one never issued: a caller learns nothing about which tokens exist. */
export const replyLinkUnknown = () => new AppError(404, 'REPLY_LINK_UNKNOWN', 'This link is not valid');
/** Revoked, expired (the event is over) or for a cancelled invitation: one message for all three. */
export const replyLinkGone = () => new AppError(410, 'REPLY_LINK_GONE', 'This link is no longer valid');

export interface ResolvedReplyLink {
  linkId: string;
  invitation: InvitationRow;
  event: EventRow;
}

/**
 * The invitation a public reply token opens, or 404/410. The public pages (reply page, its calendar file) start here;
 * `lock` takes the invitation row for update when the caller is about to answer.
 */
export async function resolveReplyToken(db: Db, token: string, now = new Date(), lock = false): Promise<ResolvedReplyLink> {
  if (!TOKEN.test(token)) throw replyLinkUnknown();
  const link = await findLinkByHash(db, tokenHash(token));
  if (!link) throw replyLinkUnknown();
  if (link.revoked_at !== null) throw replyLinkGone();
  const event = await findEvent(db, link.event_id);
  const [invitation] = await findInvitations(db, link.event_id, [link.invitation_id], lock);
  if (!event || !invitation || invitation.status === 'cancelled' || event.ends_at.getTime() <= now.getTime()) throw replyLinkGone();
  return { linkId: link.link_id, invitation, event };
}
