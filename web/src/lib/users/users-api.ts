import { api, type Fetch } from '$lib/api';
import type { NewUser, User, UserPatch } from './user';

export async function listUsers(fetch?: Fetch): Promise<User[]> {
  const page = await api('GET /users', { fetch });
  return page.items;
}

export function createUser(user: NewUser): Promise<User> {
  return api('POST /users', { body: user });
}

export function updateUser(id: string, patch: UserPatch): Promise<User> {
  return api('PATCH /users/:id', { params: { id }, body: patch });
}
