import type { NetworkDto, NetworkEdgeDto, NetworkNodeDto, NetworkQueryInput } from '$api';
import { api, type Fetch } from '$lib/api';

/** Shapes of GET /api/network, from the server's schema. */
export type NetworkNode = NetworkNodeDto;
export type NetworkEdge = NetworkEdgeDto;
export type Network = NetworkDto;

/** The page state, kept in the URL (not the API query: see getNetwork). */
export interface NetworkQuery {
  contact: string;
  governorate: string;
  depth: 1 | 2;
  showEnded: boolean;
}

/** The drawing or the table of the same data. */
export type NetworkView = 'graph' | 'table';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The page state lives in the URL: ?contact= or ?governorate=, ?depth=, ?ended=1, ?view=table. */
export function readNetworkQuery(params: URLSearchParams, isGovernorate: (code: string) => boolean): NetworkQuery {
  const contact = params.get('contact') ?? '';
  const governorate = params.get('governorate') ?? '';
  return {
    contact: UUID.test(contact) ? contact : '',
    governorate: !UUID.test(contact) && isGovernorate(governorate) ? governorate : '',
    depth: params.get('depth') === '2' ? 2 : 1,
    showEnded: params.get('ended') === '1',
  };
}

/** Read apart from the query so that switching the view does not make the page load the network again. */
export const readNetworkView = (params: URLSearchParams): NetworkView => (params.get('view') === 'table' ? 'table' : 'graph');

export function networkHref(q: Partial<NetworkQuery> & { view?: NetworkView }): string {
  const params = new URLSearchParams();
  if (q.contact) params.set('contact', q.contact);
  else if (q.governorate) params.set('governorate', q.governorate);
  if (q.contact && q.depth === 2) params.set('depth', '2');
  if (q.showEnded) params.set('ended', '1');
  if (q.view === 'table') params.set('view', 'table');
  const search = params.toString();
  return search ? `/network?${search}` : '/network';
}

/** "Show ended" asks the server too: in the contact view ended relationships also lead to further contacts. */
export function getNetwork(q: NetworkQuery, fetch?: Fetch): Promise<Network> {
  const query: NetworkQueryInput = q.contact
    ? { contact: q.contact, depth: q.depth, includeEnded: q.showEnded }
    : { governorate: q.governorate, includeEnded: q.showEnded };
  return api('GET /network', { query, fetch });
}
