import { error } from '@sveltejs/kit';
import { ApiError } from './api';

/** In a load function: a 403 or 404 from the API becomes the page's own error; anything else stays unexpected. */
export function asPageError(cause: unknown): never {
  if (cause instanceof ApiError && (cause.status === 403 || cause.status === 404)) error(cause.status, cause.title);
  throw cause;
}
