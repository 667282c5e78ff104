import {
  CONTACT_KINDS,
  ORGANIZATION_SUBTYPES,
  SENSITIVITIES,
  type ContactKind,
  type OrganizationSubtype,
  type Sensitivity,
} from '$domain/contact-kinds';
import { CONTACT_SORTS, type ContactSort, type TagsMode } from '$domain/contact-list';
import { isGovernorateCode } from '$domain/governorates';
import { CUSTOM_FILTER_PATTERN } from '$domain/custom-fields';
import type { ContactFilter } from '$api';

const CUSTOM_FILTER = new RegExp(CUSTOM_FILTER_PATTERN);

const PAGE_SIZE = 50;
type YesNo = '' | 'true' | 'false';

/**
 * The contacts list state; it lives in the URL so a list can be bookmarked, shared and navigated back to. Empty
 * strings and empty lists mean "no filter".
 */
export interface ContactListQuery {
  q: string;
  kind: ContactKind | '';
  subtype: OrganizationSubtype | '';
  /** One or several governorates: contacts in any of them (the URL repeats `governorate`). */
  governorates: string[];
  tags: string[];
  tagsMode: TagsMode;
  memberOf: string;
  hasPhone: YesNo;
  hasEmail: YesNo;
  lastContactAfter: string;
  lastContactBefore: string;
  invitedTo: string;
  attended: string;
  /** Added on these UTC days, both inclusive ('YYYY-MM-DD', or '' for no bound): the dashboard's new-contacts bars link here. */
  createdFrom: string;
  createdTo: string;
  updatedFrom: string;
  updatedTo: string;
  sensitivity: Sensitivity | '';
  /** Custom field conditions, each `<key>:<op>:<value>` (domain/custom-fields.ts); the URL repeats `custom`. */
  custom: string[];
  /** '' is the default order: by name, or by relevance with a search. */
  sort: ContactSort | '';
  /** A saved segment's id: its filters apply, those in the URL override them. */
  segment: string;
  limit: number;
  offset: number;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const readDay = (value: string | null) => (value !== null && DAY.test(value) ? value : '');
const readId = (value: string | null) => (value !== null && UUID.test(value) ? value : '');
const readYesNo = (value: string | null): YesNo => (value === 'true' || value === 'false' ? value : '');
const oneOf = <T extends string>(list: readonly T[], value: string | null): T | '' =>
  value !== null && (list as readonly string[]).includes(value) ? (value as T) : '';

export const EMPTY_QUERY: ContactListQuery = {
  q: '',
  kind: '',
  subtype: '',
  governorates: [],
  tags: [],
  tagsMode: 'any',
  memberOf: '',
  hasPhone: '',
  hasEmail: '',
  lastContactAfter: '',
  lastContactBefore: '',
  invitedTo: '',
  attended: '',
  createdFrom: '',
  createdTo: '',
  updatedFrom: '',
  updatedTo: '',
  sensitivity: '',
  custom: [],
  sort: '',
  segment: '',
  limit: PAGE_SIZE,
  offset: 0,
};

/** Tags as typed in the filter box: comma-separated (Arabic comma too), trimmed, without repeats. */
export function splitTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,،]/u)
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
}

export function readListQuery(params: URLSearchParams): ContactListQuery {
  const offset = Number.parseInt(params.get('offset') ?? '', 10);
  return {
    q: params.get('q')?.trim() ?? '',
    kind: oneOf(CONTACT_KINDS, params.get('kind')),
    subtype: oneOf(ORGANIZATION_SUBTYPES, params.get('subtype')),
    governorates: [...new Set(params.getAll('governorate').filter(isGovernorateCode))],
    tags: [
      ...new Set(
        params
          .getAll('tags')
          .map((t) => t.trim())
          .filter(Boolean),
      ),
    ],
    tagsMode: params.get('tagsMode') === 'all' ? 'all' : 'any',
    memberOf: readId(params.get('memberOf')),
    hasPhone: readYesNo(params.get('hasPhone')),
    hasEmail: readYesNo(params.get('hasEmail')),
    lastContactAfter: readDay(params.get('lastContactAfter')),
    lastContactBefore: readDay(params.get('lastContactBefore')),
    invitedTo: readId(params.get('invitedTo')),
    attended: readId(params.get('attended')),
    createdFrom: readDay(params.get('createdFrom')),
    createdTo: readDay(params.get('createdTo')),
    updatedFrom: readDay(params.get('updatedFrom')),
    updatedTo: readDay(params.get('updatedTo')),
    sensitivity: oneOf(SENSITIVITIES, params.get('sensitivity')),
    custom: [...new Set(params.getAll('custom').filter((c) => CUSTOM_FILTER.test(c)))],
    sort: oneOf(CONTACT_SORTS, params.get('sort')),
    segment: readId(params.get('segment')),
    limit: PAGE_SIZE,
    offset: Number.isFinite(offset) && offset > 0 ? offset : 0,
  };
}

/** The filter part of the query, as the API (and a saved segment) takes it; empty fields are left out. */
export function toFilter(query: ContactListQuery): ContactFilter {
  const filter: ContactFilter = {};
  const text: (keyof ContactFilter & keyof ContactListQuery)[] = [
    'q',
    'memberOf',
    'lastContactAfter',
    'lastContactBefore',
    'invitedTo',
    'attended',
    'createdFrom',
    'createdTo',
    'updatedFrom',
    'updatedTo',
  ];
  for (const key of text) if (query[key]) Object.assign(filter, { [key]: query[key] });
  if (query.kind) filter.kind = query.kind;
  if (query.subtype) filter.subtype = query.subtype;
  if (query.sensitivity) filter.sensitivity = query.sensitivity;
  if (query.governorates.length) filter.governorate = query.governorates;
  if (query.tags.length) filter.tags = query.tags;
  if (query.tags.length && query.tagsMode === 'all') filter.tagsMode = 'all';
  if (query.hasPhone) filter.hasPhone = query.hasPhone === 'true';
  if (query.hasEmail) filter.hasEmail = query.hasEmail === 'true';
  if (query.custom.length) filter.custom = query.custom;
  return filter;
}

/** A saved segment's filter as list state, so the filter controls show what the segment selects. */
export function fromFilter(filter: ContactFilter): ContactListQuery {
  const governorates =
    filter.governorate === undefined ? [] : typeof filter.governorate === 'string' ? [filter.governorate] : filter.governorate;
  const yesNo = (value: boolean | undefined): YesNo => (value === undefined ? '' : value ? 'true' : 'false');
  return {
    ...EMPTY_QUERY,
    ...filter,
    governorates,
    tags: filter.tags ?? [],
    custom: filter.custom ?? [],
    tagsMode: filter.tagsMode ?? 'any',
    hasPhone: yesNo(filter.hasPhone),
    hasEmail: yesNo(filter.hasEmail),
  };
}

/** The list URL for a query; empty filters and the first page are left out to keep links short. */
export function listHref(query: Partial<ContactListQuery>): string {
  const full = { ...EMPTY_QUERY, ...query };
  const params = new URLSearchParams();
  if (full.segment) params.set('segment', full.segment);
  for (const [key, value] of Object.entries(toFilter(full))) {
    if (Array.isArray(value)) for (const item of value) params.append(key, item);
    else params.set(key, String(value));
  }
  if (full.sort) params.set('sort', full.sort);
  if (full.offset > 0) params.set('offset', String(full.offset));
  const search = params.toString();
  return search ? `/contacts?${search}` : '/contacts';
}

/** Filters beyond what the directory export understands (q, kind, one governorate, creation days). */
export function hasTableOnlyFilters(query: ContactListQuery): boolean {
  const filter = toFilter(query);
  const exportable = ['q', 'kind', 'createdFrom', 'createdTo'];
  return (
    query.segment !== '' || query.governorates.length > 1 || Object.keys(filter).some((k) => k !== 'governorate' && !exportable.includes(k))
  );
}

export function hasFilters(query: ContactListQuery): boolean {
  return query.segment !== '' || Object.keys(toFilter(query)).length > 0;
}

export function hasCreatedRange(query: Pick<ContactListQuery, 'createdFrom' | 'createdTo'>): boolean {
  return query.createdFrom !== '' || query.createdTo !== '';
}

/** The numbers behind "1–50 of 123" for the page that was loaded. */
export function pageRange(result: { total: number; offset: number; items: unknown[] }) {
  return { from: result.offset + 1, to: result.offset + result.items.length, total: result.total };
}
