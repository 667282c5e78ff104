import { api } from '$lib/api';
import { isGovernorateCode } from '$domain/governorates';
import { CONTACT_KINDS, GENDERS } from '$domain/contact-kinds';
import { asPageError } from '$lib/page-error';
import type { PageLoad } from './$types';

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | null =>
  value !== null && (values as readonly string[]).includes(value) ? (value as T) : null;

/** The people behind one figure of the donor report, as its link names them (period, governorate, kind, gender). */
export const load: PageLoad = async ({ params, url, fetch }) => {
  const read = (key: string) => url.searchParams.get(key);
  const governorate = read('governorate');
  const query = {
    from: read('from'),
    to: read('to'),
    governorate: governorate === 'none' ? ('none' as const) : governorate && isGovernorateCode(governorate) ? governorate : null,
    kind: oneOf(CONTACT_KINDS, read('kind')),
    gender: oneOf([...GENDERS, 'unknown'] as const, read('gender')),
    newActivists: read('newActivists') === 'true' ? true : null,
    limit: 500,
  };
  try {
    return { query, people: await api('GET /programmes/:id/report/people', { params: { id: params.id }, query, fetch }) };
  } catch (cause) {
    asPageError(cause);
  }
};
