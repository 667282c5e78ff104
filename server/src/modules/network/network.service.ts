import type { Db } from '../../db/database.js';
import type { Actor } from '../../access/actor.js';
import { invalid } from '../../errors.js';
import { isContactVisible } from '../../access/actor-access.js';
import { loadVisibleRef } from '../../access/contact-access.js';
import { betweenness } from './betweenness.js';
import * as repo from './network.repository.js';
import type { NetworkDto, NetworkEdgeDto, NetworkNodeDto, NetworkQueryInput } from './network.schemas.js';

export const MAX_NODES = 500;
const BRIDGES = 10;
const ORGANISATION_KINDS = new Set(['organization', 'volunteer_team']);

const toEdge = (row: repo.NetworkEdgeRow): NetworkEdgeDto => ({
  id: row.id,
  source: row.source,
  target: row.target,
  type: row.type,
  label: { ar: row.label_ar, en: row.label_en },
  active: row.active,
});

const toNode = (row: repo.NetworkNodeRow): NetworkNodeDto => ({
  id: row.id,
  name: row.name,
  kind: row.kind,
  governorates: row.governorates,
});

function figuresOf(nodes: NetworkNodeDto[], edges: NetworkEdgeDto[], centre: string | null) {
  return {
    connections: centre === null ? edges.length : edges.filter((e) => e.source === centre || e.target === centre).length,
    organisationsReached: nodes.filter((n) => n.id !== centre && ORGANISATION_KINDS.has(n.kind)).length,
    governoratesReached: new Set(nodes.flatMap((n) => n.governorates)).size,
  };
}

export async function getNetwork(db: Db, actor: Actor, query: NetworkQueryInput): Promise<NetworkDto> {
  const hasContact = query.contact !== undefined;
  const hasGovernorate = query.governorate !== undefined;
  if (hasContact === hasGovernorate) {
    const message = 'give exactly one of contact or governorate';
    throw invalid([{ field: hasContact ? 'governorate' : 'contact', code: 'exactly_one', message }]);
  }
  const filter = { includeEnded: query.includeEnded ?? false, visibleGovernorates: actor.governorates };
  return hasContact
    ? contactNetwork(db, actor, query.contact!, query.depth ?? 1, filter)
    : governorateNetwork(db, actor, query.governorate!, filter);
}

/** Breadth-first over relationships and positions, one query per hop for the whole frontier. */
async function contactNetwork(db: Db, actor: Actor, centre: string, depth: number, filter: repo.EdgeFilter): Promise<NetworkDto> {
  await loadVisibleRef(db, actor, centre);
  const visited = new Set([centre]);
  const edges = new Map<string, repo.NetworkEdgeRow>();
  let frontier = [centre];
  let truncated = false;
  for (let hop = 0; hop < depth && frontier.length > 0; hop++) {
    const rows = await repo.findEdges(db, frontier, 'touching', filter);
    const next: string[] = [];
    for (const row of rows) {
      edges.set(row.id, row);
      for (const end of [row.source, row.target]) {
        if (visited.has(end)) continue;
        if (visited.size >= MAX_NODES) {
          truncated = true;
          continue;
        }
        visited.add(end);
        next.push(end);
      }
    }
    frontier = next;
  }
  // Edges between two nodes of the outermost ring were not touched by any hop.
  for (const row of await repo.findEdges(db, frontier, 'among', filter)) edges.set(row.id, row);
  const nodes = (await repo.findNodes(db, [...visited])).filter((n) => isContactVisible(actor, n.governorates)).map(toNode);
  const kept = new Set(nodes.map((n) => n.id));
  const edgeList = [...edges.values()].filter((e) => kept.has(e.source) && kept.has(e.target)).map(toEdge);
  nodes.sort((a, b) => (a.id === centre ? -1 : b.id === centre ? 1 : a.name.localeCompare(b.name)));
  return { nodes, edges: edgeList, figures: figuresOf(nodes, edgeList, centre), bridges: [], truncated };
}

/** A governorate's contacts (at most 500, the best connected) and the relationships among them, with its bridges. */
async function governorateNetwork(db: Db, actor: Actor, code: string, filter: repo.EdgeFilter): Promise<NetworkDto> {
  const rows = await repo.findGovernorateNodes(db, code, actor.governorates, MAX_NODES + 1);
  const truncated = rows.length > MAX_NODES;
  const nodes = rows.slice(0, MAX_NODES).map(toNode);
  const edges = (
    await repo.findEdges(
      db,
      nodes.map((n) => n.id),
      'among',
      filter,
    )
  ).map(toEdge);
  const scores = betweenness(
    nodes.map((n) => n.id),
    edges.map((e) => [e.source, e.target] as const),
  );
  const bridges = nodes
    .map((n) => ({ id: n.id, name: n.name, score: Math.round(scores.get(n.id)! * 1000) / 1000 }))
    .filter((b) => b.score > 0)
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name))
    .slice(0, BRIDGES);
  return { nodes, edges, figures: figuresOf(nodes, edges, null), bridges, truncated };
}
