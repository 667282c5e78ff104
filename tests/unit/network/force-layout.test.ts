import { describe, expect, it } from 'vitest';
import { forceLayout, seededRandom } from '../../../web/src/lib/network/force-layout.js';

/** ~300 contacts in 30 organisations or teams with members, a few cross links: a governorate-sized graph. */
function governorateGraph() {
  const random = seededRandom(42);
  const ids: string[] = [];
  const edges: { source: string; target: string }[] = [];
  for (let g = 0; g < 30; g++) {
    const hub = `org${g}`;
    ids.push(hub);
    for (let m = 0; m < 9; m++) {
      const id = `p${g}-${m}`;
      ids.push(id);
      edges.push({ source: id, target: hub });
    }
  }
  for (let i = 0; i < 30; i++)
    edges.push({ source: ids[Math.floor(random() * ids.length)], target: ids[Math.floor(random() * ids.length)] });
  return { ids, edges };
}

describe('force layout', () => {
  it('gives the same positions for the same graph and seed, whatever the order of the edges, and other ones for another seed', () => {
    const graph = governorateGraph();
    const first = forceLayout(graph);
    const again = forceLayout(graph);
    expect([...again.entries()]).toEqual([...first.entries()]);
    const shuffled = forceLayout({ ...graph, edges: [...graph.edges].reverse().map((e) => ({ source: e.target, target: e.source })) });
    expect([...shuffled.entries()]).toEqual([...first.entries()]);
    const other = forceLayout({ ...graph, seed: 2 });
    expect(other.get('org0')).not.toEqual(first.get('org0'));
  });

  it('lays out 300 nodes quickly, keeps a pinned centre at the origin, and spreads nodes apart', () => {
    const graph = governorateGraph();
    const started = performance.now();
    const positions = forceLayout({ ...graph, pinned: 'org3', iterations: 200 });
    const took = performance.now() - started;
    console.log(`force layout: ${graph.ids.length} nodes, ${graph.edges.length} edges in ${took.toFixed(0)} ms`);
    expect(took).toBeLessThan(1500);
    expect(positions.get('org3')).toEqual({ x: 0, y: 0 });
    const points = [...positions.values()];
    expect(points.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y))).toBe(true);
    let tooClose = 0;
    for (let i = 0; i < points.length; i++)
      for (let j = i + 1; j < points.length; j++) if (Math.hypot(points[i].x - points[j].x, points[i].y - points[j].y) < 1) tooClose++;
    expect(tooClose).toBe(0);
    // No ring of nodes pressed against an outer wall (the old disc clamp drew most members on its rim).
    const radii = points.map((p) => Math.hypot(p.x, p.y));
    const outer = Math.max(...radii);
    expect(radii.filter((r) => r > outer * 0.97).length).toBeLessThan(points.length * 0.05);
  });

  it('draws a member nearer its own organisation than the average node', () => {
    const positions = forceLayout(governorateGraph());
    const distance = (a: string, b: string) =>
      Math.hypot(positions.get(a)!.x - positions.get(b)!.x, positions.get(a)!.y - positions.get(b)!.y);
    const own = distance('p5-0', 'org5');
    const others = Array.from({ length: 30 }, (_, g) => distance('p5-0', `org${g}`)).reduce((s, d) => s + d, 0) / 30;
    expect(own).toBeLessThan(others / 2);
  });
});
