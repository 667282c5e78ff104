import { t, type MessageKey } from '$lib/i18n/i18n.svelte';
import { auditAr } from '$lib/i18n/features/audit';
import type { AuditActionGroup } from '$domain/audit/audit-actions';

/** An action or record type the server adds later shows as its raw name until it has a label. */
const labelOr = (key: string, fallback: string) => (key in auditAr ? t(key as MessageKey) : fallback);

export const actionLabel = (action: string) => labelOr(`audit.action.${action}`, action);
export const entityLabel = (entityType: string) => labelOr(`audit.entity.${entityType}`, entityType);
export const groupLabel = (group: AuditActionGroup) => t(`audit.group.${group}`);

/** Where a record of the log lives in the app, when it has a page. */
export function entityHref(type: string, id: string | null): string | null {
  if (!id) return null;
  if (type === 'contact') return `/contacts/${id}`;
  if (type === 'event') return `/events/${id}`;
  if (type === 'programme') return `/programmes/${id}`;
  return null;
}

/** "governorate=IQ-BG, sensitivity=restricted": an export's filters in one line, empty ones left out. */
export function filtersText(filters: Record<string, unknown> | null): string {
  if (!filters) return '';
  return Object.entries(filters)
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(', ');
}
