import type { ResponseOf } from '$api';
import { api } from '$lib/api';

/** Changes the signed-in user's password; the server ends every other session and renews this one's cookie. */
export function changePassword(currentPassword: string, newPassword: string): Promise<ResponseOf<'POST /auth/password'>> {
  return api('POST /auth/password', { body: { currentPassword, newPassword } });
}

/** Ends every session of the account, this one included. */
export function signOutEverywhere(): Promise<void> {
  return api('POST /auth/sign-out-everywhere');
}
