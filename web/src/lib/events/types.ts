import type { ContactKind, Gender, Sensitivity } from '$domain/contact-kinds';
import type { EventType, InvitationRole, InvitationStatus, QuotaDimension } from '$domain/events/vocabulary';
import type { Quota, QuotaStatus } from '$domain/events/quota';
import type { SuggestionReason } from '$domain/events/reasons';

/** Shapes of the events API (docs/api-events.md). */
export type { Quota, QuotaStatus, SuggestionReason };

export type StatusCounts = Record<InvitationStatus, number>;

export interface Capacity {
	capacity: number | null;
	active: number;
	remaining: number | null;
	exceeded: boolean;
}

export interface EventFields {
	title: string;
	type: EventType;
	startsAt: string;
	endsAt: string;
	governorate: string | null;
	venue: string | null;
	capacity: number | null;
	description: string | null;
	quotas: QuotaInput[];
}

export interface QuotaInput {
	dimension: QuotaDimension;
	value: string;
	minCount?: number | null;
	maxCount?: number | null;
	minShare?: number | null;
}

export interface EventDetail extends Omit<EventFields, 'quotas'> {
	quotas: Quota[];
	id: string;
	createdAt: string;
	updatedAt: string;
	version: number;
	quotaStatus: QuotaStatus[];
	capacityStatus: Capacity;
	counts: StatusCounts;
}

export interface EventListItem {
	id: string;
	title: string;
	type: EventType;
	startsAt: string;
	endsAt: string;
	governorate: string | null;
	venue: string | null;
	capacity: number | null;
	counts: StatusCounts;
	total: number;
}

export interface EventPage {
	items: EventListItem[];
	total: number;
	limit: number;
	offset: number;
}

export interface Breakdown {
	value: string;
	active: number;
	confirmed: number;
	attended: number;
	noShow: number;
}

export interface EventSummary {
	replies: {
		invited: number;
		confirmed: number;
		declined: number;
		noReply: number;
		attended: number;
		noShow: number;
		proposed: number;
		cancelled: number;
	};
	counts: StatusCounts;
	quotaStatus: QuotaStatus[];
	capacityStatus: Capacity;
	byGovernorate: Breakdown[];
	byKind: Breakdown[];
	byGender: Breakdown[];
}

export interface PersonRef {
	id: string;
	name: string;
	kind: ContactKind;
	governorates: string[];
	gender: Gender | null;
	sensitivity: Sensitivity;
	organisation: { id: string; name: string } | null;
	phone: string | null;
	phoneHidden: boolean;
}

export interface Invitation {
	id: string;
	eventId: string;
	contact: PersonRef;
	representative: PersonRef | null;
	role: InvitationRole;
	status: InvitationStatus;
	groupId: string | null;
	walkIn: boolean;
	suggestionReasons: SuggestionReason[] | null;
	/** The governorate this invitation counts toward in governorate quotas (chosen, else the contact's first). */
	quotaGovernorate: string | null;
	statusChangedAt: string | null;
	statusChangedBy: { id: string; name: string } | null;
	createdAt: string;
	updatedAt: string;
	version: number;
}

export interface InvitationList {
	items: Invitation[];
	total: number;
	hidden: number;
}

export interface AddInvitationsBody {
	contactIds?: string[];
	items?: {
		contactId: string;
		representativeId?: string;
		role?: InvitationRole;
		suggestionReasons?: SuggestionReason[];
		quotaGovernorate?: string | null;
	}[];
	filter?: { kind?: ContactKind; governorates?: string[]; tags?: string[]; memberOf?: string };
	role?: InvitationRole;
	status?: 'proposed' | 'invited';
	skipExisting?: boolean;
	allowOverCapacity?: boolean;
	allowOverQuota?: boolean;
}

export interface AddInvitationsResult {
	added: Invitation[];
	skipped: { contactId: string; reason: 'already_on_list' | 'no_representative' }[];
	quotaStatus: QuotaStatus[];
	capacityStatus: Capacity;
}

export interface Suggestion {
	contact: PersonRef;
	quotaGovernorate: string | null;
	score: number;
	reasons: SuggestionReason[];
}

export interface Mix {
	governorate: Record<string, number>;
	kind: Record<string, number>;
	gender: Record<string, number>;
}

export interface Group {
	id: string;
	eventId: string;
	name: string;
	facilitator: { id: string; name: string } | null;
	/** A facilitator outside the user's governorates: not named (facilitator is null). */
	facilitatorHidden: boolean;
	size: number | null;
	sortOrder: number;
	memberCount: number;
	mix: Mix;
	createdAt: string;
	updatedAt: string;
	version: number;
}

export interface ContactEvent {
	invitationId: string;
	as: 'contact' | 'representative';
	representing: { id: string; name: string } | null;
	event: { id: string; title: string; type: EventType; startsAt: string; endsAt: string; governorate: string | null };
	status: InvitationStatus;
	role: InvitationRole;
	walkIn: boolean;
	statusChangedAt: string | null;
}
