import { INVITATION_STATUSES, isActiveStatus } from '../../domain/events/vocabulary.js';
import { quotaStatuses, type Quota, type QuotaStatus } from '../../domain/events/quota.js';
import type { CapacityDto, StatusCounts } from './events.schemas.js';
import type { InvitationFactRow, QuotaRow } from './events.repository.js';

export function toQuota(row: QuotaRow): Quota {
  return {
    dimension: row.dimension,
    value: row.value,
    minCount: row.min_count,
    maxCount: row.max_count,
    minShare: row.min_share === null ? null : Number(row.min_share),
  };
}

export function emptyCounts(): StatusCounts {
  return Object.fromEntries(INVITATION_STATUSES.map((s) => [s, 0])) as StatusCounts;
}

export function countByStatus(facts: readonly Pick<InvitationFactRow, 'status'>[]): StatusCounts {
  const counts = emptyCounts();
  for (const f of facts) counts[f.status] += 1;
  return counts;
}

export function capacityOf(capacity: number | null, active: number): CapacityDto {
  return {
    capacity,
    active,
    remaining: capacity === null ? null : Math.max(0, capacity - active),
    exceeded: capacity !== null && active > capacity,
  };
}

export function liveStatus(quotas: readonly QuotaRow[], facts: readonly InvitationFactRow[], capacity: number | null) {
  const quotaStatus: QuotaStatus[] = quotaStatuses(quotas.map(toQuota), facts);
  const active = facts.filter((p) => isActiveStatus(p.status)).length;
  return { quotaStatus, capacityStatus: capacityOf(capacity, active), counts: countByStatus(facts) };
}
