import { apiRequest, type Fetch } from '$lib/api';
import type { UserListDto } from '$api';
import type { NewUser, User, UserPatch } from './user';

export async function listUsers(fetch?: Fetch): Promise<User[]> {
  const page = await apiRequest<UserListDto>('GET', '/users', { fetch });
  return page.items;
}

export function createUser(user: NewUser): Promise<User> {
  return apiRequest('POST', '/users', { body: user });
}

export function updateUser(id: string, patch: UserPatch): Promise<User> {
  return apiRequest('PATCH', `/users/${encodeURIComponent(id)}`, { body: patch });
}
