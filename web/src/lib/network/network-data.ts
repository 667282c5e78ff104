import type { NetworkEdge, NetworkNode } from './network-api';

/** One link as seen from a contact: the other party and whether this contact is the relationship's source. */
export interface NodeLink {
	edge: NetworkEdge;
	other: NetworkNode;
	outgoing: boolean;
}

export interface NetworkRow {
	node: NetworkNode;
	links: NodeLink[];
}

/** Each contact with its links (both directions), in the order the server gave; edges to absent contacts skipped. */
export function networkRows(nodes: readonly NetworkNode[], edges: readonly NetworkEdge[]): NetworkRow[] {
	const rows = new Map(nodes.map((node) => [node.id, { node, links: [] as NodeLink[] }]));
	for (const edge of edges) {
		const source = rows.get(edge.source);
		const target = rows.get(edge.target);
		if (!source || !target || source === target) continue;
		source.links.push({ edge, other: target.node, outgoing: true });
		target.links.push({ edge, other: source.node, outgoing: false });
	}
	return [...rows.values()];
}

/** Degree (number of links) per contact id. */
export const degrees = (rows: readonly NetworkRow[]) => new Map(rows.map((r) => [r.node.id, r.links.length]));

/** Contacts drawn in the graph (at least one link, or the centre) and the unlinked ones listed beside it. */
export function splitLinked(rows: readonly NetworkRow[], centre: string | null) {
	const linked = rows.filter((r) => r.links.length > 0 || r.node.id === centre).map((r) => r.node);
	const unlinked = rows.filter((r) => r.links.length === 0 && r.node.id !== centre).map((r) => r.node);
	return { linked, unlinked };
}

export type RowSort = 'name' | 'links';

/** Sorted copy: by name in the language's collation (numbers in names by value), or by number of links (most first, then name). */
export function sortRows(rows: readonly NetworkRow[], by: RowSort, descending: boolean, locale: string): NetworkRow[] {
	const collator = new Intl.Collator(locale, { numeric: true });
	const byName = (a: NetworkRow, b: NetworkRow) => collator.compare(a.node.name, b.node.name);
	const compare =
		by === 'name'
			? (a: NetworkRow, b: NetworkRow) => byName(a, b) || (a.node.id < b.node.id ? -1 : 1)
			: (a: NetworkRow, b: NetworkRow) => a.links.length - b.links.length || -byName(a, b);
	const sorted = [...rows].sort(compare);
	return descending ? sorted.reverse() : sorted;
}
