/** Live quota status of a list: pure, so the web app can show the same figures while the user edits. */
import { isActiveStatus, type InvitationStatus, type QuotaDimension } from './vocabulary.js';

export interface Quota {
  dimension: QuotaDimension;
  value: string;
  minCount: number | null;
  maxCount: number | null;
  /** Share of the active list, 0 < minShare <= 1. */
  minShare: number | null;
}

export type QuotaState = 'met' | 'short' | 'over';

export interface QuotaStatus extends Quota {
  count: number;
  /** The people a share is measured against: active people, and for gender only those whose gender is recorded. */
  activeTotal: number;
  /** Active people left out of `activeTotal` because this value is not recorded for them (gender unknown). */
  unrecorded: number;
  share: number;
  state: QuotaState;
  /** How many more people with this value would make the quota met; 0 when met or over. */
  missing: number;
}

// Shares like 0.4 are not exact in binary: 2/5 must count as 40%.
const EPSILON = 1e-9;

/** Smallest k with (count + k) / (total + k) >= share. */
function missingForShare(count: number, total: number, share: number): number {
  if (total > 0 && count / total >= share - EPSILON) return 0;
  // A 100% share cannot be reached by adding people once someone else is on the list.
  if (share >= 1) return total === 0 ? 1 : 0;
  return Math.max(1, Math.ceil((share * total - count) / (1 - share) - EPSILON));
}

export function evaluateQuota(quota: Quota, count: number, activeTotal: number, unrecorded = 0): QuotaStatus {
  const share = activeTotal === 0 ? 0 : count / activeTotal;
  const byCount = quota.minCount === null ? 0 : Math.max(0, quota.minCount - count);
  const byShare = quota.minShare === null ? 0 : missingForShare(count, activeTotal, quota.minShare);
  const over = quota.maxCount !== null && count > quota.maxCount;
  const shareShort = quota.minShare !== null && (activeTotal === 0 || share < quota.minShare - EPSILON);
  const state: QuotaState = over ? 'over' : byCount > 0 || shareShort ? 'short' : 'met';
  return { ...quota, count, activeTotal, unrecorded, share, state, missing: over ? 0 : Math.max(byCount, byShare) };
}

/** Room left under a maximum: Infinity when the quota has none. */
export function roomUnderMax(status: QuotaStatus): number {
  return status.maxCount === null ? Number.POSITIVE_INFINITY : Math.max(0, status.maxCount - status.count);
}

/** One invitation on a list as the quotas see them (see docs/api-events.md, counting rules). */
export interface QuotaPerson {
  status: InvitationStatus;
  governorates: readonly string[];
  kind: string;
  gender: string | null;
  /** The governorate chosen for this event; null or absent: the first of `governorates`. */
  quotaGovernorate?: string | null;
  /** False for an organisation or team with nobody named to come: quotas count people only. Absent: a person. */
  person?: boolean;
}

/** One person, one governorate: the one chosen for the event, else the contact's first. */
export function quotaGovernorateOf(person: Pick<QuotaPerson, 'governorates' | 'quotaGovernorate'>): string | null {
  return person.quotaGovernorate ?? person.governorates[0] ?? null;
}

export function matchesQuota(person: Omit<QuotaPerson, 'status'>, quota: Pick<Quota, 'dimension' | 'value'>): boolean {
  if (quota.dimension === 'governorate') return quotaGovernorateOf(person) === quota.value;
  if (quota.dimension === 'kind') return person.kind === quota.value;
  return person.gender === quota.value;
}

/** The active people of a list: the invitations quotas count. */
export function quotaPeople<P extends QuotaPerson>(people: readonly P[]): P[] {
  return people.filter((p) => isActiveStatus(p.status) && p.person !== false);
}

export function quotaStatuses(quotas: readonly Quota[], people: readonly QuotaPerson[]): QuotaStatus[] {
  const active = quotaPeople(people);
  const genderKnown = active.filter((p) => p.gender !== null).length;
  return quotas.map((q) => {
    const count = active.filter((p) => matchesQuota(p, q)).length;
    // A share of women is a share of the people whose gender is recorded, not of everyone on the list.
    return q.dimension === 'gender'
      ? evaluateQuota(q, count, genderKnown, active.length - genderKnown)
      : evaluateQuota(q, count, active.length);
  });
}

/** The quotas whose maximum this addition would push further past (the UI asks before going over). */
export function quotasPushedOverMax(
  quotas: readonly Quota[],
  before: readonly QuotaPerson[],
  adding: readonly QuotaPerson[],
): (QuotaStatus & { before: number })[] {
  const now = quotaStatuses(quotas, before);
  const after = quotaStatuses(quotas, [...before, ...adding]);
  return after
    .map((q, i) => ({ ...q, before: now[i].count }))
    .filter((q) => q.maxCount !== null && q.count > q.maxCount && q.count > q.before);
}
