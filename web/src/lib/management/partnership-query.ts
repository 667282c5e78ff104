import { isGovernorateCode } from '$domain/governorates';
import { PARTNERSHIP_STATUSES, type PartnershipStatus } from '$domain/partnerships/status';
import type { PartnershipFilter, PartnershipSort } from './management-api';
import { isIsoDate } from './period-presets';

export const PAGE_SIZE = 50;

const SORTS: readonly PartnershipSort[] = ['name', 'governorate', 'status', 'lastContact', 'interactionCount', 'eventAttendanceCount'];

/** The partnerships page state; it lives in the URL so a review can be bookmarked, shared and printed. */
export interface PartnershipQuery {
  q: string;
  governorate: string;
  status: PartnershipStatus | '';
  from: string;
  to: string;
  sort: PartnershipSort;
  order: 'asc' | 'desc';
  offset: number;
}

const isStatus = (value: string): value is PartnershipStatus => (PARTNERSHIP_STATUSES as readonly string[]).includes(value);
const isSort = (value: string): value is PartnershipSort => (SORTS as readonly string[]).includes(value);

export function readPartnershipQuery(params: URLSearchParams): PartnershipQuery {
  const get = (name: string) => params.get(name)?.trim() ?? '';
  const offset = Number.parseInt(get('offset'), 10);
  return {
    q: get('q'),
    governorate: isGovernorateCode(get('governorate')) ? get('governorate') : '',
    status: isStatus(get('status')) ? (get('status') as PartnershipStatus) : '',
    from: isIsoDate(get('from')) ? get('from') : '',
    to: isIsoDate(get('to')) ? get('to') : '',
    sort: isSort(get('sort')) ? (get('sort') as PartnershipSort) : 'name',
    order: get('order') === 'desc' ? 'desc' : 'asc',
    offset: Number.isFinite(offset) && offset > 0 ? offset : 0,
  };
}

/** The API filter of a page state: empty values left out, so the API applies its defaults. */
export function toFilter(query: PartnershipQuery): PartnershipFilter {
  return {
    q: query.q || undefined,
    governorate: query.governorate || undefined,
    status: query.status || undefined,
    from: query.from || undefined,
    to: query.to || undefined,
    sort: query.sort === 'name' ? undefined : query.sort,
    order: query.order === 'asc' ? undefined : query.order,
  };
}

function searchOf(query: Partial<PartnershipQuery>): string {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (query.governorate) params.set('governorate', query.governorate);
  if (query.status) params.set('status', query.status);
  if (query.from) params.set('from', query.from);
  if (query.to) params.set('to', query.to);
  if (query.sort && query.sort !== 'name') params.set('sort', query.sort);
  if (query.order === 'desc') params.set('order', 'desc');
  if (query.offset && query.offset > 0) params.set('offset', String(query.offset));
  const search = params.toString();
  return search ? `?${search}` : '';
}

export const partnershipsHref = (query: Partial<PartnershipQuery>) => `/partnerships${searchOf(query)}`;

/** The print view shows every row of the same filters. */
export const reportHref = (query: Partial<PartnershipQuery>) => `/partnerships/report${searchOf({ ...query, offset: 0 })}`;

export function hasFilters(query: PartnershipQuery): boolean {
  return query.q !== '' || query.governorate !== '' || query.status !== '';
}
