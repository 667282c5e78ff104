import { fetchCurrentUser } from '$lib/auth/auth-api';
import type { LayoutLoad } from './$types';

/** The auth guard: without a session the API answers 401 and the client moves to /login?next=…. */
export const load: LayoutLoad = async ({ fetch }) => ({ user: await fetchCurrentUser(fetch) });
