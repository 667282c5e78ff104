/** Who may do what. The server enforces it; the web app only uses it to hide what would be refused. */
export const ROLES = ['admin', 'coordinator', 'staff', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export function canWriteContacts(role: Role): boolean {
  return role === 'admin' || role === 'coordinator' || role === 'staff';
}

/** Phones, emails and notes of restricted contacts can put people at risk: only these roles see them. */
export function canSeeRestrictedDetails(role: Role): boolean {
  return role === 'admin' || role === 'coordinator';
}

export function canManageUsers(role: Role): boolean {
  return role === 'admin';
}

/** Relationship types are shared vocabulary: only administrators add them. */
export function canManageRelationshipTypes(role: Role): boolean {
  return role === 'admin';
}

/** Settings shape every user's work (for example the partnership thresholds): only administrators change them. */
export function canChangeSettings(role: Role): boolean {
  return role === 'admin';
}

/** Lifting or setting a contact's restriction decides who sees its phones: only the roles that see them may. */
export function canSetSensitivity(role: Role): boolean {
  return canSeeRestrictedDetails(role);
}
