import type { LoginAnswerDto } from '$api';
import { apiRequest, type Fetch } from '$lib/api';
import type { User } from '$lib/users/user';

/** Signed in, or (with two-step on) a challenge for the code step and no session yet. */
export function login(email: string, password: string): Promise<LoginAnswerDto> {
  return apiRequest('POST', '/auth/login', { body: { email, password } });
}

export function logout(): Promise<void> {
  return apiRequest('POST', '/auth/logout');
}

export async function fetchCurrentUser(fetch?: Fetch): Promise<User> {
  const { user } = await apiRequest<{ user: User }>('GET', '/auth/me', { fetch });
  return user;
}
