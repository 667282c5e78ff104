import type { ContactKind } from '$domain/contact-kinds';

/** Shapes of the positions / relationships / interactions endpoints (see docs/api.md). */
export interface ContactBrief {
	id: string;
	name: string;
	kind: ContactKind;
}

export interface LabelPair {
	ar: string;
	en: string;
}

export interface Position {
	id: string;
	person: ContactBrief;
	organization: ContactBrief;
	title: string;
	isFocalPoint: boolean;
	startDate: string | null;
	endDate: string | null;
	current: boolean;
	note: string | null;
	createdAt: string;
	updatedAt: string;
	version: number;
}

export interface RelationshipType {
	id: string;
	key: string;
	symmetric: boolean;
	labels: { forward: LabelPair; reverse: LabelPair };
}

/** A relationship as one of its contacts sees it: `label` already reads from this contact's side. */
export interface Connection {
	id: string;
	type: { key: string; symmetric: boolean; direction: 'from' | 'to'; label: LabelPair };
	otherContact: ContactBrief;
	startDate: string | null;
	endDate: string | null;
	active: boolean;
	strength: number | null;
	note: string | null;
	version: number;
}

export const INTERACTION_KINDS = ['meeting', 'call', 'visit', 'message', 'other'] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];

export interface Interaction {
	id: string;
	kind: InteractionKind;
	occurredOn: string;
	summary: string;
	followUpOn: string | null;
	followUpDone: boolean;
	needsFollowUp: boolean;
	participants: ContactBrief[];
	hiddenParticipants: number;
	loggedBy: string | null;
	createdAt: string;
	updatedAt: string;
	version: number;
}

export interface InteractionPage {
	items: Interaction[];
	total: number;
	limit: number;
	offset: number;
}

export interface Connections {
	contact: ContactBrief;
	positions: Position[];
	heldPositions: Position[];
	currentFocalPoints: Position[];
	relationships: Connection[];
	interactions: Interaction[];
	focalPointWithoutCurrentPosition: boolean;
}
