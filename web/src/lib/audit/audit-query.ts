import { AUDIT_ACTION_GROUPS, AUDIT_ENTITY_TYPES, type AuditActionGroup } from '$domain/audit/audit-actions';
import type { AuditFilter } from '$api';

/** The audit page's filters, as they stand in its URL (empty string = not filtered). */
export interface AuditQuery {
  user: string;
  action: AuditActionGroup | '';
  entityType: string;
  entityId: string;
  from: string;
  to: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Anything the server would refuse is dropped, so a hand-edited URL still opens the page. */
export function readAuditQuery(params: URLSearchParams): AuditQuery {
  const value = (key: string, valid: (v: string) => boolean) => {
    const v = params.get(key) ?? '';
    return valid(v) ? v : '';
  };
  return {
    user: value('user', (v) => UUID.test(v)),
    action: value('action', (v) => (AUDIT_ACTION_GROUPS as readonly string[]).includes(v)) as AuditActionGroup | '',
    entityType: value('entityType', (v) => (AUDIT_ENTITY_TYPES as readonly string[]).includes(v)),
    entityId: value('entityId', (v) => UUID.test(v)),
    from: value('from', (v) => DAY.test(v)),
    to: value('to', (v) => DAY.test(v)),
  };
}

export function toAuditFilter(query: AuditQuery): Partial<AuditFilter> {
  return {
    userId: query.user || undefined,
    action: query.action || undefined,
    entityType: (query.entityType || undefined) as AuditFilter['entityType'],
    entityId: query.entityId || undefined,
    from: query.from || undefined,
    to: query.to || undefined,
  };
}

/** The page's address for these filters and, when given, the day of the "needs a look" panel. */
export function auditHref(query: Partial<AuditQuery>, day?: string): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  if (day) params.set('day', day);
  const search = params.toString();
  return `/admin/audit${search ? `?${search}` : ''}`;
}

export const hasAuditFilters = (query: AuditQuery) => Object.values(query).some(Boolean);
