/** The vocabulary of the directory, shared by server schemas and the web app's forms and filters. */
export const CONTACT_KINDS = ['activist', 'volunteer_team', 'organization', 'government_focal_point'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

/** Government bodies (a governorate's department, council or directorate) are organisations too. */
export const ORGANIZATION_SUBTYPES = ['local_ngo', 'international_ngo', 'government_body', 'donor', 'media', 'other'] as const;
export type OrganizationSubtype = (typeof ORGANIZATION_SUBTYPES)[number];

export const SENSITIVITIES = ['normal', 'restricted'] as const;
export type Sensitivity = (typeof SENSITIVITIES)[number];

export const GENDERS = ['female', 'male'] as const;
export type Gender = (typeof GENDERS)[number];

/** Kinds that describe one person, so name parts and gender apply. */
export const PERSON_KINDS: readonly ContactKind[] = ['activist', 'government_focal_point'];

export function isPersonKind(kind: ContactKind): boolean {
  return PERSON_KINDS.includes(kind);
}
