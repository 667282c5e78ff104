import type { Db } from '../../db/database.js';
import type { Actor } from '../../access/actor.js';
import { conflict } from '../../errors.js';
import { recordAudits } from '../audit/audit.repository.js';
import { assertEventWriter, loadEvent } from '../events/event-access.js';
import { loadForWrite } from '../events/invitations.service.js';
import * as repo from './reply-links.repository.js';
import { replyUrl, type ReplyLinkTokens } from './reply-link-tokens.js';
import type { IssueLinksInput, ReplyLinkDto } from './reply-links.schemas.js';

/** Where links point and how their tokens are made: one per server, from its secret and public address. */
export interface ReplyLinkContext {
  tokens: ReplyLinkTokens;
  origin: string;
}

const EVENT_OVER = 'This event is over; its reply links have expired';

function toDto(row: repo.LiveLinkRow, ctx: ReplyLinkContext): ReplyLinkDto {
  return {
    invitationId: row.invitation_id,
    url: replyUrl(ctx.origin, ctx.tokens.token(row.id, row.nonce)),
    issuedAt: row.created_at.toISOString(),
    firstOpenedAt: row.first_opened_at?.toISOString() ?? null,
    lastOpenedAt: row.last_opened_at?.toISOString() ?? null,
    openCount: row.open_count,
  };
}

/**
 * The live link of each invitation, creating those that are missing (or all of them, revoking the old, on re-issue).
 * For callers that already checked access and hold the transaction: the WhatsApp walk-through and email sends use it.
 * A cancelled invitation gets no link.
 */
export async function ensureReplyLinks(
  trx: Db,
  actor: Actor,
  eventId: string,
  invitations: { id: string; status: string }[],
  ctx: ReplyLinkContext,
  reissue = false,
): Promise<Map<string, ReplyLinkDto>> {
  const cancelled = invitations.filter((i) => i.status === 'cancelled');
  if (cancelled.length) {
    throw conflict('INVITATION_CANCELLED', `${cancelled.length} of these invitations are cancelled and get no reply link`);
  }
  const ids = invitations.map((i) => i.id);
  const revoked = reissue ? await repo.revokeLinks(trx, ids, actor.id) : [];
  const live = reissue ? [] : await repo.liveLinks(trx, ids);
  const have = new Set(live.map((l) => l.invitation_id));
  const fresh = ids
    .filter((id) => !have.has(id))
    .map((invitationId) => {
      const link = ctx.tokens.newLink();
      return { id: link.id, invitation_id: invitationId, nonce: link.nonce, token_hash: link.tokenHash, created_by: actor.id };
    });
  const created = await repo.insertLinks(trx, fresh);
  const revokedSet = new Set(revoked);
  await recordAudits(
    trx,
    created.map((l) => ({
      userId: actor.id,
      action: 'create' as const,
      entityType: 'reply_link' as const,
      entityId: l.invitation_id,
      details: { eventId, reissued: revokedSet.has(l.invitation_id) },
    })),
  );
  return new Map([...live, ...created].map((row) => [row.invitation_id, toDto(row, ctx)]));
}

/** Staff issue (or re-issue) reply links for invitations of an event they may write to, in their governorates. */
export async function issueReplyLinks(db: Db, actor: Actor, eventId: string, input: IssueLinksInput, ctx: ReplyLinkContext) {
  assertEventWriter(actor);
  return db.transaction().execute(async (trx) => {
    const event = await loadEvent(trx, eventId, 'share');
    if (event.ends_at.getTime() <= Date.now()) throw conflict('EVENT_OVER', EVENT_OVER);
    const invitations = await loadForWrite(trx, actor, eventId, input.invitationIds);
    const links = await ensureReplyLinks(trx, actor, eventId, invitations, ctx, input.reissue === true);
    return { items: input.invitationIds.map((id) => links.get(id)!) };
  });
}

/** The live links of invitations, without creating any (the list shows "link opened" from this). */
export async function replyLinksOf(db: Db, invitationIds: string[], ctx: ReplyLinkContext): Promise<Map<string, ReplyLinkDto>> {
  return new Map((await repo.liveLinks(db, invitationIds)).map((row) => [row.invitation_id, toDto(row, ctx)]));
}

/** Revokes an invitation's link: its address answers "no longer valid" from now on. */
export async function revokeReplyLink(db: Db, actor: Actor, eventId: string, invitationId: string): Promise<void> {
  assertEventWriter(actor);
  await db.transaction().execute(async (trx) => {
    await loadEvent(trx, eventId, 'share');
    await loadForWrite(trx, actor, eventId, [invitationId]);
    const revoked = await repo.revokeLinks(trx, [invitationId], actor.id);
    await recordAudits(
      trx,
      revoked.map((id) => ({
        userId: actor.id,
        action: 'delete' as const,
        entityType: 'reply_link' as const,
        entityId: id,
        details: { eventId },
      })),
    );
  });
}
