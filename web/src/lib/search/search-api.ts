import type { SearchParams, SearchResponseDto, SearchResult } from '$api';
import { api } from '$lib/api';

/** One ranked match of GET /api/search; highlight offsets are UTF-16 [start, end) into name and nameLatin. */
export type SearchHit = SearchResult;
export type SearchResponse = SearchResponseDto;

interface SearchOptions extends Partial<Omit<SearchParams, 'q'>> {
  signal?: AbortSignal;
}

/** Arabic-tolerant name search (and phone search) over the whole directory the user may see. */
export function searchDirectory(q: string, { kind, governorate, limit = 10, signal }: SearchOptions = {}): Promise<SearchResponse> {
  return api('GET /search', { query: { q, kind, governorate, limit }, signal });
}
