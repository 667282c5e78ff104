import { api, type Fetch } from '$lib/api';
import type { CreateSegmentInput, SegmentDto, SegmentListDto } from '$api';

export type Segment = SegmentDto;

export function listSegments(fetch?: Fetch): Promise<SegmentListDto> {
  return api('GET /segments', { fetch });
}

export function createSegment(input: CreateSegmentInput): Promise<Segment> {
  return api('POST /segments', { body: input });
}

export function deleteSegment(segment: Segment): Promise<void> {
  return api('DELETE /segments/:id', { params: { id: segment.id }, query: { version: segment.version } });
}
