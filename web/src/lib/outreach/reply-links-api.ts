import type { ReplyLinkDto } from '$api';
import { api } from '$lib/api';

/** The invitation's personal link (made when missing); reissue revokes the old address first. */
export async function replyLinkOf(eventId: string, invitationId: string, reissue = false): Promise<ReplyLinkDto> {
  const { items } = await api('POST /events/:id/invitations/links', {
    params: { id: eventId },
    body: { invitationIds: [invitationId], reissue },
  });
  return items[0];
}

export function revokeReplyLink(eventId: string, invitationId: string): Promise<void> {
  return api('DELETE /events/:id/invitations/:invitationId/link', { params: { id: eventId, invitationId } });
}
