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
}

export interface NewUser {
	email: string;
	name: string;
	role: Role;
	password: string;
	governorates?: string[] | null;
}

export type UserPatch = Partial<Pick<User, 'name' | 'role' | 'active' | 'governorates'>> & { password?: string };
