import type { LoginAnswerDto } from '$api';
import { api, type Fetch } from '$lib/api';
import type { User } from '$lib/users/user';

/** Signed in, or (with two-step on) a challenge for the code step and no session yet. */
export function login(email: string, password: string): Promise<LoginAnswerDto> {
  return api('POST /auth/login', { body: { email, password } });
}

export function logout(): Promise<void> {
  return api('POST /auth/logout');
}

export async function fetchCurrentUser(fetch?: Fetch): Promise<User> {
  const { user } = await api('GET /auth/me', { fetch });
  return user;
}
