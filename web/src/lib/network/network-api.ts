import { apiRequest, type Fetch } from '$lib/api';

export interface NetworkNode {
	id: string;
	name: string;
	kind: string;
	governorates: string[];
}

export interface NetworkEdge {
	id: string;
	source: string;
	target: string;
	type: string;
	label: { ar: string; en: string };
	active: boolean;
}

export interface Network {
	nodes: NetworkNode[];
	edges: NetworkEdge[];
	figures: { connections: number; organisationsReached: number; governoratesReached: number };
	bridges: { id: string; name: string; score: number }[];
	truncated: boolean;
}

export interface NetworkQuery {
	contact: string;
	governorate: string;
	depth: 1 | 2;
	showEnded: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The page state lives in the URL: ?contact= or ?governorate=, ?depth=, ?ended=1. */
export function readNetworkQuery(params: URLSearchParams, isGovernorate: (code: string) => boolean): NetworkQuery {
	const contact = params.get('contact') ?? '';
	const governorate = params.get('governorate') ?? '';
	return {
		contact: UUID.test(contact) ? contact : '',
		governorate: !UUID.test(contact) && isGovernorate(governorate) ? governorate : '',
		depth: params.get('depth') === '2' ? 2 : 1,
		showEnded: params.get('ended') === '1'
	};
}

export function networkHref(q: Partial<NetworkQuery>): string {
	const params = new URLSearchParams();
	if (q.contact) params.set('contact', q.contact);
	else if (q.governorate) params.set('governorate', q.governorate);
	if (q.contact && q.depth === 2) params.set('depth', '2');
	if (q.showEnded) params.set('ended', '1');
	const search = params.toString();
	return search ? `/network?${search}` : '/network';
}

/** "Show ended" asks the server too: in the contact view ended relationships also lead to further contacts. */
export function getNetwork(q: NetworkQuery, fetch?: Fetch): Promise<Network> {
	const query = q.contact
		? { contact: q.contact, depth: q.depth, includeEnded: q.showEnded }
		: { governorate: q.governorate, includeEnded: q.showEnded };
	return apiRequest('GET', '/network', { query, fetch });
}
