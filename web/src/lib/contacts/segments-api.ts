import { apiRequest, type Fetch } from '$lib/api';
import type { CreateSegmentInput, SegmentDto, SegmentListDto } from '$api';

export type Segment = SegmentDto;

export function listSegments(fetch?: Fetch): Promise<SegmentListDto> {
  return apiRequest('GET', '/segments', { fetch });
}

export function createSegment(input: CreateSegmentInput): Promise<Segment> {
  return apiRequest('POST', '/segments', { body: input });
}

export function deleteSegment(segment: Segment): Promise<void> {
  return apiRequest('DELETE', `/segments/${encodeURIComponent(segment.id)}`, { query: { version: segment.version } });
}
