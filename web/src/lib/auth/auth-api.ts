import { apiRequest, type Fetch } from '$lib/api';
import type { User } from '$lib/users/user';

export function login(email: string, password: string): Promise<{ token: string; user: User }> {
	return apiRequest('POST', '/auth/login', { body: { email, password } });
}

export function logout(): Promise<void> {
	return apiRequest('POST', '/auth/logout');
}

export async function fetchCurrentUser(fetch?: Fetch): Promise<User> {
	const { user } = await apiRequest<{ user: User }>('GET', '/auth/me', { fetch });
	return user;
}
