import { CONTACT_KINDS, type ContactKind } from '$domain/contact-kinds';
import { isGovernorateCode } from '$domain/governorates';

const PAGE_SIZE = 50;

/** The contacts list state; it lives in the URL so a list can be bookmarked, shared and navigated back to. */
export interface ContactListQuery {
	q: string;
	kind: ContactKind | '';
	governorate: string;
	/** Added on these UTC days, both inclusive ('YYYY-MM-DD', or '' for no bound): the dashboard's new-contacts bars link here. */
	createdFrom: string;
	createdTo: string;
	limit: number;
	offset: number;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const readDay = (value: string | null) => (value !== null && DAY.test(value) ? value : '');

function isKind(value: string): value is ContactKind {
	return (CONTACT_KINDS as readonly string[]).includes(value);
}

export function readListQuery(params: URLSearchParams): ContactListQuery {
	const kind = params.get('kind') ?? '';
	const governorate = params.get('governorate') ?? '';
	const offset = Number.parseInt(params.get('offset') ?? '', 10);
	return {
		q: params.get('q')?.trim() ?? '',
		kind: isKind(kind) ? kind : '',
		governorate: isGovernorateCode(governorate) ? governorate : '',
		createdFrom: readDay(params.get('createdFrom')),
		createdTo: readDay(params.get('createdTo')),
		limit: PAGE_SIZE,
		offset: Number.isFinite(offset) && offset > 0 ? offset : 0
	};
}

/** The list URL for a query; empty filters and the first page are left out to keep links short. */
export function listHref(
	query: Pick<ContactListQuery, 'q' | 'kind' | 'governorate' | 'offset'> & Partial<Pick<ContactListQuery, 'createdFrom' | 'createdTo'>>
): string {
	const params = new URLSearchParams();
	if (query.q) params.set('q', query.q);
	if (query.kind) params.set('kind', query.kind);
	if (query.governorate) params.set('governorate', query.governorate);
	if (query.createdFrom) params.set('createdFrom', query.createdFrom);
	if (query.createdTo) params.set('createdTo', query.createdTo);
	if (query.offset > 0) params.set('offset', String(query.offset));
	const search = params.toString();
	return search ? `/contacts?${search}` : '/contacts';
}

export function hasFilters(query: ContactListQuery): boolean {
	return query.q !== '' || query.kind !== '' || query.governorate !== '' || hasCreatedRange(query);
}

export function hasCreatedRange(query: Pick<ContactListQuery, 'createdFrom' | 'createdTo'>): boolean {
	return query.createdFrom !== '' || query.createdTo !== '';
}

/** The numbers behind "1–50 of 123" for the page that was loaded. */
export function pageRange(result: { total: number; offset: number; items: unknown[] }) {
	return { from: result.offset + 1, to: result.offset + result.items.length, total: result.total };
}
