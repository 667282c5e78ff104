import { api, type Fetch } from '$lib/api';
import type { AccessLogDto, AuditFilter, AuditPageDto, NeedsALookDto } from '$api';

export type AuditEntry = AuditPageDto['items'][number];
export type NeedsALookItem = NeedsALookDto['items'][number];
export type AccessLogItem = AccessLogDto['items'][number];

export function listAudit(filter: Partial<AuditFilter>, fetch?: Fetch): Promise<AuditPageDto> {
  return api('GET /audit', { query: filter, fetch });
}

export function getNeedsALook(day: string | undefined, fetch?: Fetch): Promise<NeedsALookDto> {
  return api('GET /audit/needs-a-look', { query: { day }, fetch });
}

export function getContactAccessLog(contactId: string, fetch?: Fetch): Promise<AccessLogDto> {
  return api('GET /contacts/:id/access-log', { params: { id: contactId }, fetch });
}
