import { error } from '@sveltejs/kit';
import type { Role } from '$domain/roles';

/** In a load function: a page the role may not use shows the 403 page instead of a form the server would refuse. */
export function requireRole(role: Role, allowed: (role: Role) => boolean): void {
  if (!allowed(role)) error(403, 'Forbidden');
}
