import type { ContactKind, Sensitivity } from '$domain/contact-kinds';
import type { DuplicateReason } from '$domain/duplicates/duplicate-score';

export type { DuplicateReason };

/** An existing contact that looks like the one at hand (import row, contact form). */
export interface DuplicateCandidate {
	contactId: string;
	name: string;
	kind: ContactKind;
	governorates: string[];
	score: number;
	reasons: DuplicateReason[];
}

/**
 * Matches the server withheld: a restricted contact shares a phone or an email with what was checked, and the user's
 * role may not see restricted details, so it is not named. A coordinator can check it.
 */
export interface HiddenMatches {
	count: number;
	reason: 'restricted_contact_details';
	message: string;
}

export interface DuplicateContact {
	id: string;
	name: string;
	nameLatin: string | null;
	kind: ContactKind;
	governorates: string[];
	phones?: string[];
	emails?: string[];
	detailsHidden: boolean;
	sensitivity: Sensitivity;
	updatedAt: string;
	version: number;
}

export interface DuplicatePair {
	a: DuplicateContact;
	b: DuplicateContact;
	score: number;
	reasons: DuplicateReason[];
}

export interface DuplicatePage {
	items: DuplicatePair[];
	total: number;
	limit: number;
	offset: number;
	hiddenMatches: HiddenMatches | null;
}

export interface DuplicateCheckResult {
	items: DuplicateCandidate[];
	hiddenMatches: HiddenMatches | null;
}

export interface MergeCounts {
	positions: number;
	relationships: number;
	relationshipsDropped: number;
	interactions: number;
	invitations: number;
	invitationsDropped: number;
	groupFacilitators: number;
	suggestionDismissals: number;
	auditRows: number;
}

/** The single-valued fields whose value the merge takes from one chosen contact. */
export const MERGE_FIELDS = [
	'name',
	'nameLatin',
	'nameKu',
	'nameParts',
	'kind',
	'subtype',
	'gender',
	'notes',
	'sensitivity',
	'source',
	'consentNote'
] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];

export interface MergeInput {
	survivorId: string;
	mergedIds: string[];
	fields: Partial<Record<MergeField, string>>;
	versions: Record<string, number>;
}
