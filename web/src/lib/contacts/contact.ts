import type { ContactKind, Gender, OrganizationSubtype, Sensitivity } from '$domain/contact-kinds';

export type NameParts = { first?: string; father?: string; grandfather?: string; family?: string };
export const NAME_PART_KEYS = ['first', 'father', 'grandfather', 'family'] as const;

export interface Contact {
	id: string;
	kind: ContactKind;
	subtype: OrganizationSubtype | null;
	name: string;
	nameLatin: string | null;
	nameKu: string | null;
	nameParts: NameParts | null;
	gender: Gender | null;
	governorates: string[];
	/** phones, emails and notes are absent when the caller may not see a restricted contact's details. */
	phones?: string[];
	emails?: string[];
	notes?: string | null;
	detailsHidden: boolean;
	/** A government focal point with no current position (flagged in the list and on the page). */
	focalPointWithoutPosition: boolean;
	tags: string[];
	sensitivity: Sensitivity;
	source: string | null;
	consentNote: string | null;
	createdAt: string;
	updatedAt: string;
	version: number;
}

export type ContactInput = Omit<
	Contact,
	'id' | 'createdAt' | 'updatedAt' | 'version' | 'detailsHidden' | 'focalPointWithoutPosition'
>;
export type ContactPatch = Partial<ContactInput> & { version: number };

export interface ContactPage {
	items: Contact[];
	total: number;
	limit: number;
	offset: number;
}
