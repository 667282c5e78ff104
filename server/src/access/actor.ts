import type { Role } from '../domain/roles.js';

/** The signed-in user as services see it: enough to decide access, nothing more. */
export interface Actor {
  id: string;
  role: Role;
  /** null: every governorate; otherwise the only governorates whose contacts this user may see. */
  governorates: string[] | null;
}
