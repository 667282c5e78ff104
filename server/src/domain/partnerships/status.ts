/**
 * How a partnership with a government body stands. The server computes the same rule in SQL (so it can filter, sort
 * and count by status without loading every body); this is the rule in one readable place, for the web app and tests.
 */
export const PARTNERSHIP_STATUSES = ['active', 'cooling', 'dormant', 'vacant'] as const;
export type PartnershipStatus = (typeof PARTNERSHIP_STATUSES)[number];

/** Worst first: the order of `sort=status`, so the gaps to fix come to the top. */
export const STATUS_SEVERITY: readonly PartnershipStatus[] = ['vacant', 'dormant', 'cooling', 'active'];

export interface PartnershipThresholds {
  /** Last contact at most this many days ago: active. */
  activeDays: number;
  /** Last contact more than activeDays and at most this many days ago: cooling; older or never: dormant. */
  coolingDays: number;
}

export const DEFAULT_THRESHOLDS: PartnershipThresholds = { activeDays: 90, coolingDays: 180 };
export const MAX_THRESHOLD_DAYS = 3650;

export interface PartnershipFacts {
  hasCurrentFocalPoint: boolean;
  /** null: never in contact. */
  daysSinceLastContact: number | null;
}

/** Vacant wins: a body we meet every week whose focal point has left still needs someone to talk to. */
export function partnershipStatus(facts: PartnershipFacts, thresholds: PartnershipThresholds): PartnershipStatus {
  if (!facts.hasCurrentFocalPoint) return 'vacant';
  const days = facts.daysSinceLastContact;
  if (days === null) return 'dormant';
  if (days <= thresholds.activeDays) return 'active';
  if (days <= thresholds.coolingDays) return 'cooling';
  return 'dormant';
}

/** Problems with a thresholds pair, by field; empty when it can be saved. */
export function thresholdProblems(t: PartnershipThresholds): { field: keyof PartnershipThresholds; message: string }[] {
  const problems: { field: keyof PartnershipThresholds; message: string }[] = [];
  for (const field of ['activeDays', 'coolingDays'] as const) {
    const value = t[field];
    if (!Number.isInteger(value) || value < 1 || value > MAX_THRESHOLD_DAYS) {
      problems.push({ field, message: `must be a whole number of days from 1 to ${MAX_THRESHOLD_DAYS}` });
    }
  }
  if (problems.length === 0 && t.coolingDays <= t.activeDays) {
    problems.push({ field: 'coolingDays', message: 'must be more days than activeDays' });
  }
  return problems;
}
