/** Picking suggested candidates from a pre-ranked pool so that together they fill the unmet quotas. */
import { matchesQuota, roomUnderMax, type QuotaStatus } from './quota.js';
import type { SuggestionReason } from './reasons.js';

export interface SuggestionCandidate {
  id: string;
  governorates: readonly string[];
  kind: string;
  gender: string | null;
  /** Start of the last event this contact was invited to (as contact or representative), if any. */
  lastInvitedAt: Date | null;
  attended: number;
}

export interface PickedSuggestion {
  id: string;
  /** The governorate the pick counts toward (send it with the invitation so the list counts them there). */
  quotaGovernorate: string | null;
  score: number;
  reasons: SuggestionReason[];
}

/** Attended at most this often: still a new face. */
export const NEW_FACE_MAX_ATTENDED = 1;

function freshness(c: SuggestionCandidate, cutoff: Date): number {
  const invited = c.lastInvitedAt === null ? 20 : c.lastInvitedAt < cutoff ? 15 : 0;
  return invited + Math.max(0, 10 - 2 * c.attended);
}

/**
 * One person, one governorate: a candidate in several governorates counts toward the first of them whose quota still
 * misses someone and has room, else the first not at a maximum, else their first.
 */
function placed(c: SuggestionCandidate, quotas: readonly QuotaStatus[], missing: number[], room: number[]) {
  const quotasOf = (g: string) => quotas.flatMap((q, k) => (q.dimension === 'governorate' && q.value === g ? [k] : []));
  const filling = c.governorates.find((g) => quotasOf(g).some((k) => missing[k] > 0 && room[k] > 0));
  const open = c.governorates.find((g) => quotasOf(g).every((k) => room[k] > 0));
  return { ...c, quotaGovernorate: filling ?? open ?? c.governorates[0] ?? null };
}

/**
 * Greedy: each step takes the candidate who fills the most still-missing quotas (then the freshest), and counts
 * them against those quotas, so one large quota does not crowd out the others and no maximum is overshot.
 */
export function pickSuggestions(
  pool: readonly SuggestionCandidate[],
  quotas: readonly QuotaStatus[],
  options: { limit: number; months: number; now: Date },
): PickedSuggestion[] {
  const cutoff = new Date(options.now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - options.months);
  const missing = quotas.map((q) => (q.state === 'short' ? q.missing : 0));
  const room = quotas.map(roomUnderMax);
  const anyShort = missing.some((m) => m > 0);
  const left = [...pool];
  const picked: PickedSuggestion[] = [];
  while (picked.length < options.limit && left.length) {
    let best = -1;
    let bestScore = Number.NEGATIVE_INFINITY;
    left.forEach((candidate, i) => {
      const c = placed(candidate, quotas, missing, room);
      const matched = quotas.map((q) => matchesQuota(c, q));
      if (matched.some((m, k) => m && room[k] <= 0)) return;
      const fills = matched.filter((m, k) => m && missing[k] > 0).length;
      if (anyShort && fills === 0) return;
      const score = fills * 100 + freshness(c, cutoff);
      if (score > bestScore) {
        best = i;
        bestScore = score;
      }
    });
    if (best === -1) break;
    const c = placed(left.splice(best, 1)[0], quotas, missing, room);
    const reasons: SuggestionReason[] = [];
    quotas.forEach((q, k) => {
      if (!matchesQuota(c, q)) return;
      if (missing[k] > 0) reasons.push({ code: 'fills_quota', dimension: q.dimension, value: q.value });
      missing[k] -= 1;
      room[k] -= 1;
    });
    if (c.lastInvitedAt === null) reasons.push({ code: 'never_invited' });
    else if (c.lastInvitedAt < cutoff) reasons.push({ code: 'not_invited_recently', months: options.months });
    if (c.attended <= NEW_FACE_MAX_ATTENDED) reasons.push({ code: 'new_face', attended: c.attended });
    picked.push({ id: c.id, quotaGovernorate: c.quotaGovernorate, score: bestScore, reasons });
  }
  return picked;
}
