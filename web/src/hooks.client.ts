import type { HandleClientError } from '@sveltejs/kit';
import { ApiError } from '$lib/api';

/** A 401 has already sent the user to the login page; anything else is worth a line in the console. */
export const handleError: HandleClientError = ({ error, message }) => {
  if (!(error instanceof ApiError && error.status === 401)) console.error(error);
  return { message };
};
