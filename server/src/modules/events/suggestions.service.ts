import type { Db } from '../../db/database.js';
import type { Actor } from '../../access/actor.js';
import { pickSuggestions } from '../../domain/events/suggest.js';
import { roomUnderMax, type QuotaStatus } from '../../domain/events/quota.js';
import { recordAudit } from '../audit/audit.repository.js';
import { loadVisibleRefs } from '../../access/contact-access.js';
import { invitationFacts, quotasOf } from './events.repository.js';
import { assertEventWriter, loadEvent } from './event-access.js';
import { liveStatus } from './event-status.js';
import { toPersonRef } from './invitation-dto.js';
import { personRefs } from './invitations.repository.js';
import * as repo from './suggestions.repository.js';
import type { SuggestionsOptions } from './suggestions.schemas.js';

/**
 * A share of an almost empty list is met by one person; when the event has a capacity, the share is also measured
 * against the full room, so "40% women" for 50 places asks for 20 women.
 */
function withPlannedShare(q: QuotaStatus, capacity: number | null): QuotaStatus {
  if (q.minShare === null || capacity === null || q.state === 'over') return q;
  const planned = Math.max(0, Math.ceil(q.minShare * capacity - 1e-9) - q.count);
  return planned > q.missing ? { ...q, state: 'short', missing: planned } : q;
}

/** Each short quota brings this many times `limit` candidates, so the greedy pick has a choice without a full scan. */
const POOL_FACTOR = 3;

export async function suggest(db: Db, actor: Actor, eventId: string, options: SuggestionsOptions) {
  const event = await loadEvent(db, eventId);
  const [quotas, facts, dismissed] = await Promise.all([
    quotasOf(db, eventId),
    invitationFacts(db, eventId),
    repo.dismissedFor(db, eventId),
  ]);
  const onList = facts.flatMap((f) => (f.representative_id ? [f.contact_id, f.representative_id] : [f.contact_id]));
  const { quotaStatus: live } = liveStatus(quotas, facts, event.capacity);
  const quotaStatus = live.map((q) => withPlannedShare(q, event.capacity));
  const now = new Date();
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - options.monthsWithoutInvitation);
  const unmet = quotaStatus.filter((q) => q.state === 'short');
  const pool = await repo.suggestionPool(db, {
    eventId,
    short: unmet.filter((q) => q.missing > 0),
    full: quotaStatus.filter((q) => roomUnderMax(q) <= 0),
    exclude: [...new Set([...onList, ...dismissed])],
    cutoff,
    visibleGovernorates: actor.governorates,
    perQuota: options.limit * POOL_FACTOR,
  });
  const picked = pickSuggestions(
    pool.map((r) => ({ ...r, lastInvitedAt: r.last_invited_at })),
    quotaStatus,
    { limit: options.limit, months: options.monthsWithoutInvitation, now },
  );
  const refs = new Map(
    (
      await personRefs(
        db,
        picked.map((p) => p.id),
      )
    ).map((r) => [r.id, toPersonRef(r, actor)]),
  );
  return {
    items: picked.map((p) => ({ contact: refs.get(p.id)!, quotaGovernorate: p.quotaGovernorate, score: p.score, reasons: p.reasons })),
    unmetQuotas: unmet,
  };
}

export async function dismissSuggestions(db: Db, actor: Actor, eventId: string, contactIds: string[]) {
  assertEventWriter(actor);
  await db.transaction().execute(async (trx) => {
    await loadEvent(trx, eventId, 'share');
    await loadVisibleRefs(trx, actor, contactIds);
    await repo.dismiss(trx, eventId, contactIds, actor.id);
    await recordAudit(trx, {
      userId: actor.id,
      action: 'dismiss',
      entityType: 'event',
      entityId: eventId,
      details: { suggestionsDismissed: contactIds },
    });
  });
}
