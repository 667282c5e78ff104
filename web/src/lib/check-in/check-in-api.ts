import { api, type Fetch } from '$lib/api';
import type { BadgeSheetDto, ScanResultDto } from '$api';

export type BadgeSheet = BadgeSheetDto;
export type Badge = BadgeSheetDto['items'][number];
export type ScanResult = ScanResultDto;

export function getBadges(eventId: string, groupId: string | null, fetch?: Fetch): Promise<BadgeSheet> {
  return api('GET /events/:id/badges', { params: { id: eventId }, query: { groupId }, fetch });
}

/** A scanned or typed check-in code; the server normalises it (case, dashes, Arabic-Indic digits). */
export function scanCheckInCode(eventId: string, code: string, confirmOutsideEventDays = false): Promise<ScanResult> {
  return api('POST /events/:id/check-in/scan', {
    params: { id: eventId },
    body: confirmOutsideEventDays ? { code, confirmOutsideEventDays } : { code },
  });
}
