import { apiRequest, type Fetch } from '$lib/api';
import type { AccessLogDto, AuditFilter, AuditPageDto, NeedsALookDto } from '$api';

export type AuditEntry = AuditPageDto['items'][number];
export type NeedsALookItem = NeedsALookDto['items'][number];
export type AccessLogItem = AccessLogDto['items'][number];

export function listAudit(filter: Partial<AuditFilter>, fetch?: Fetch): Promise<AuditPageDto> {
  return apiRequest('GET', '/audit', { query: filter, fetch });
}

export function getNeedsALook(day: string | undefined, fetch?: Fetch): Promise<NeedsALookDto> {
  return apiRequest('GET', '/audit/needs-a-look', { query: { day }, fetch });
}

export function getContactAccessLog(contactId: string, fetch?: Fetch): Promise<AccessLogDto> {
  return apiRequest('GET', `/contacts/${encodeURIComponent(contactId)}/access-log`, { fetch });
}
