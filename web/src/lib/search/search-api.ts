import type { ContactKind } from '$domain/contact-kinds';
import type { Range } from '$domain/search/highlight';
import { apiRequest } from '$lib/api';

/** One ranked match of GET /api/search; highlight offsets are UTF-16 [start, end) into name and nameLatin. */
export interface SearchHit {
	id: string;
	kind: ContactKind;
	name: string;
	nameLatin: string | null;
	governorates: string[];
	score: number;
	highlight: { name: Range[]; nameLatin: Range[] };
}

export interface SearchResponse {
	results: SearchHit[];
	tookMs: number;
}

interface SearchOptions {
	kind?: ContactKind;
	governorate?: string;
	limit?: number;
	signal?: AbortSignal;
}

/** Arabic-tolerant name search (and phone search) over the whole directory the user may see. */
export function searchDirectory(q: string, { kind, governorate, limit = 10, signal }: SearchOptions = {}): Promise<SearchResponse> {
	return apiRequest('GET', '/search', { query: { q, kind, governorate, limit }, signal });
}
