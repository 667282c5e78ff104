import { listProgrammes } from '$lib/programmes/programmes-api';
import { asPageError } from '$lib/page-error';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch }) => {
  try {
    return { programmes: await listProgrammes(fetch) };
  } catch (cause) {
    asPageError(cause);
  }
};
