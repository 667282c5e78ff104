import { CONTACT_KINDS, type ContactKind } from '$domain/contact-kinds';
import { isGovernorateCode } from '$domain/governorates';

const PAGE_SIZE = 50;
export const MIN_SCORES = [0.5, 0.6, 0.7, 0.8, 0.9] as const;
const DEFAULT_MIN_SCORE = 0.5;

/** The duplicates list state, kept in the URL like the contacts list. */
export interface DuplicateListQuery {
  governorate: string;
  kind: ContactKind | '';
  minScore: number;
  limit: number;
  offset: number;
}

export function readDuplicateQuery(params: URLSearchParams): DuplicateListQuery {
  const kind = params.get('kind') ?? '';
  const governorate = params.get('governorate') ?? '';
  const minScore = Number(params.get('minScore'));
  const offset = Number.parseInt(params.get('offset') ?? '', 10);
  return {
    governorate: isGovernorateCode(governorate) ? governorate : '',
    kind: (CONTACT_KINDS as readonly string[]).includes(kind) ? (kind as ContactKind) : '',
    minScore: (MIN_SCORES as readonly number[]).includes(minScore) ? minScore : DEFAULT_MIN_SCORE,
    limit: PAGE_SIZE,
    offset: Number.isFinite(offset) && offset > 0 ? offset : 0,
  };
}

export function duplicatesHref(query: Omit<DuplicateListQuery, 'limit'>): string {
  const params = new URLSearchParams();
  if (query.governorate) params.set('governorate', query.governorate);
  if (query.kind) params.set('kind', query.kind);
  if (query.minScore !== DEFAULT_MIN_SCORE) params.set('minScore', String(query.minScore));
  if (query.offset > 0) params.set('offset', String(query.offset));
  const search = params.toString();
  return search ? `/duplicates?${search}` : '/duplicates';
}

export function mergeHref(ids: string[]): string {
  return `/duplicates/merge?ids=${ids.map(encodeURIComponent).join(',')}`;
}
