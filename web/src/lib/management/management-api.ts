import type { ContactKind } from '$domain/contact-kinds';
import type { PartnershipStatus, PartnershipThresholds } from '$domain/partnerships/status';
import { apiRequest, type Fetch } from '$lib/api';
import type { Period } from './period-presets';

/** Shapes of docs/api-management.md. */
export type ByKind = Record<ContactKind, number>;
export type StatusCounts = Record<PartnershipStatus, number>;

export interface FocalPoint {
	positionId: string;
	personId: string;
	name: string;
	title: string;
	since: string | null;
}

export interface Partnership {
	id: string;
	name: string;
	nameLatin: string | null;
	nameKu: string | null;
	governorates: string[];
	currentFocalPoints: FocalPoint[];
	hiddenFocalPoints: number;
	lastInteraction: { id: string; date: string; kind: string } | null;
	lastEventAttendance: { eventId: string; date: string; title: string } | null;
	lastContactOn: string | null;
	daysSinceLastContact: number | null;
	interactionCount: number;
	eventAttendanceCount: number;
	status: PartnershipStatus;
}

export interface GovernorateStatusTotals extends StatusCounts {
	governorate: string;
	total: number;
}

export interface PartnershipList {
	items: Partnership[];
	total: number;
	limit: number;
	offset: number;
	period: Period;
	asOf: string;
	thresholds: PartnershipThresholds;
	totals: { byStatus: StatusCounts; byGovernorate: GovernorateStatusTotals[] };
}

export interface GovernorateStats {
	governorate: string;
	governmentBodies: number;
	activePartnerships: number;
	partnershipsByStatus: StatusCounts;
	bodiesWithoutFocalPoint: number;
	hasAnyGovernmentFocalPoint: boolean;
	contactsByKind: ByKind;
	contactsTotal: number;
	eventsHeld: number;
	lastGovernmentContactOn: string | null;
	daysSinceLastGovernmentContact: number | null;
}

export interface GovernorateStatsResponse {
	period: Period;
	asOf: string;
	scope: string[] | null;
	thresholds: PartnershipThresholds;
	items: GovernorateStats[];
	links: Record<'governorate' | 'partnerships' | 'contacts' | 'events', string>;
}

export interface Gendered {
	female: number;
	male: number;
	unknown: number;
}

export interface Attendance {
	events: number;
	invited: number;
	attended: number;
	byKind: ByKind;
	byGender: Gendered;
}

export interface Dashboard {
	period: Period;
	asOf: string;
	scope: string[] | null;
	months: string[];
	contacts: {
		total: number;
		byKind: ByKind;
		byGovernorate: { governorate: string; total: number; byKind: ByKind }[];
		newPerMonth: { month: string; total: number; byKind: ByKind }[];
	};
	events: { totals: Attendance; perMonth: (Attendance & { month: string })[] };
	followUps: { overdue: number; byGovernorate: { governorate: string; overdue: number }[] };
	links: Record<'contacts' | 'newContacts' | 'events' | 'followUps', string>;
}

export type PartnershipSort = 'name' | 'governorate' | 'status' | 'lastContact' | 'interactionCount' | 'eventAttendanceCount';

export interface PartnershipFilter {
	governorate?: string;
	status?: PartnershipStatus | '';
	q?: string;
	from?: string;
	to?: string;
	sort?: PartnershipSort;
	order?: 'asc' | 'desc';
}

export function listPartnerships(
	query: PartnershipFilter & { limit?: number; offset?: number },
	fetch?: Fetch,
): Promise<PartnershipList> {
	return apiRequest('GET', '/partnerships', { query: { ...query }, fetch });
}

/** Every row of a filter (the print view), page by page at the API's largest page size. */
export async function listAllPartnerships(query: PartnershipFilter, fetch?: Fetch): Promise<PartnershipList> {
	const pageSize = 500;
	const first = await listPartnerships({ ...query, limit: pageSize, offset: 0 }, fetch);
	const items = [...first.items];
	while (items.length < first.total) {
		const next = await listPartnerships({ ...query, limit: pageSize, offset: items.length }, fetch);
		if (next.items.length === 0) break;
		items.push(...next.items);
	}
	return { ...first, items, limit: items.length };
}

export function getGovernorateStats(period: Partial<Period>, fetch?: Fetch): Promise<GovernorateStatsResponse> {
	return apiRequest('GET', '/stats/governorates', { query: { ...period }, fetch });
}

export function getDashboard(query: Partial<Period> & { governorate?: string }, fetch?: Fetch): Promise<Dashboard> {
	return apiRequest('GET', '/stats/dashboard', { query: { ...query }, fetch });
}

/** The download link for the current filters; the browser sends the session cookie with it. */
export function exportHref(filter: PartnershipFilter, format: 'csv' | 'xlsx', lang: 'ar' | 'en'): string {
	const params = new URLSearchParams();
	for (const [key, value] of Object.entries(filter)) {
		if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
	}
	params.set('format', format);
	params.set('lang', lang);
	return `/api/partnerships/export?${params}`;
}

export interface PartnershipSettings extends PartnershipThresholds {
	version: number;
	updatedAt: string | null;
}

export function getPartnershipSettings(fetch?: Fetch): Promise<PartnershipSettings> {
	return apiRequest('GET', '/settings/partnerships', { fetch });
}

export function updatePartnershipSettings(body: PartnershipThresholds & { version: number }): Promise<PartnershipSettings> {
	return apiRequest('PUT', '/settings/partnerships', { body });
}
