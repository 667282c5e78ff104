import type { Role } from '$domain/roles';

export interface User {
	id: string;
	email: string;
	name: string;
	role: Role;
	active: boolean;
	/** null: the user sees every governorate; otherwise only contacts in these. */
	governorates: string[] | null;
	createdAt: string;
	version: number;
}

export interface NewUser {
	email: string;
	name: string;
	role: Role;
	password: string;
	governorates?: string[] | null;
}

/** `version` is the one the change was based on; a stale one gets 409 CONFLICT. */
export type UserPatch = Partial<Pick<User, 'name' | 'role' | 'active' | 'governorates'>> & { password?: string; version: number };
