import { apiRequest, type Fetch } from '$lib/api';
import type { BadgeSheetDto, ScanResultDto } from '$api';

export type BadgeSheet = BadgeSheetDto;
export type Badge = BadgeSheetDto['items'][number];
export type ScanResult = ScanResultDto;

const base = (eventId: string) => `/events/${encodeURIComponent(eventId)}`;

export function getBadges(eventId: string, groupId: string | null, fetch?: Fetch): Promise<BadgeSheet> {
  return apiRequest('GET', `${base(eventId)}/badges`, { query: { groupId }, fetch });
}

/** A scanned or typed check-in code; the server normalises it (case, dashes, Arabic-Indic digits). */
export function scanCheckInCode(eventId: string, code: string, confirmOutsideEventDays = false): Promise<ScanResult> {
  return apiRequest('POST', `${base(eventId)}/check-in/scan`, {
    body: confirmOutsideEventDays ? { code, confirmOutsideEventDays } : { code },
  });
}
