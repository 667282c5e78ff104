/**
 * The table's and the drawing's view of one network response. Generic over the node and edge shapes (the page passes
 * the API's types) so that this file has no imports and its unit tests run outside the web build.
 */
interface NodeLike {
  id: string;
  name: string;
}
interface EdgeLike {
  id: string;
  source: string;
  target: string;
}

/** One link as seen from a contact: the other party and whether this contact is the relationship's source. */
export interface NodeLink<N extends NodeLike, E extends EdgeLike> {
  edge: E;
  other: N;
  outgoing: boolean;
}

export interface NetworkRow<N extends NodeLike, E extends EdgeLike> {
  node: N;
  links: NodeLink<N, E>[];
}

/** Each contact with its links (both directions), in the order the server gave; edges to absent contacts skipped. */
export function networkRows<N extends NodeLike, E extends EdgeLike>(nodes: readonly N[], edges: readonly E[]): NetworkRow<N, E>[] {
  const rows = new Map(nodes.map((node) => [node.id, { node, links: [] as NodeLink<N, E>[] }]));
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
export const degrees = (rows: readonly NetworkRow<NodeLike, EdgeLike>[]) => new Map(rows.map((r) => [r.node.id, r.links.length]));

/** Contacts drawn in the graph (at least one link, or the centre) and the unlinked ones listed beside it. */
export function splitLinked<N extends NodeLike, E extends EdgeLike>(rows: readonly NetworkRow<N, E>[], centre: string | null) {
  const linked = rows.filter((r) => r.links.length > 0 || r.node.id === centre).map((r) => r.node);
  const unlinked = rows.filter((r) => r.links.length === 0 && r.node.id !== centre).map((r) => r.node);
  return { linked, unlinked };
}

export type RowSort = 'name' | 'links';

/** Sorted copy: by name in the language's collation (numbers in names by value), or by number of links (most first, then name). */
export function sortRows<R extends NetworkRow<NodeLike, EdgeLike>>(
  rows: readonly R[],
  by: RowSort,
  descending: boolean,
  locale: string,
): R[] {
  const collator = new Intl.Collator(locale, { numeric: true });
  const byName = (a: R, b: R) => collator.compare(a.node.name, b.node.name);
  const compare =
    by === 'name'
      ? (a: R, b: R) => byName(a, b) || (a.node.id < b.node.id ? -1 : 1)
      : (a: R, b: R) => a.links.length - b.links.length || -byName(a, b);
  const sorted = [...rows].sort(compare);
  return descending ? sorted.reverse() : sorted;
}
