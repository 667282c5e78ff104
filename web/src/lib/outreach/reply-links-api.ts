import type { ReplyLinkDto } from '$api';
import { apiRequest } from '$lib/api';

const base = (eventId: string) => `/events/${encodeURIComponent(eventId)}/invitations`;

/** The invitation's personal link (made when missing); reissue revokes the old address first. */
export async function replyLinkOf(eventId: string, invitationId: string, reissue = false): Promise<ReplyLinkDto> {
  const { items } = await apiRequest<{ items: ReplyLinkDto[] }>('POST', `${base(eventId)}/links`, {
    body: { invitationIds: [invitationId], reissue },
  });
  return items[0];
}

export function revokeReplyLink(eventId: string, invitationId: string): Promise<void> {
  return apiRequest('DELETE', `${base(eventId)}/${encodeURIComponent(invitationId)}/link`);
}
