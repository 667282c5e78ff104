/**
 * A small force-directed layout, run once: springs along edges, O(n²) repulsion between every pair, a weak pull to
 * the middle, and a cooling step limit. Deterministic: nodes start on a sunflower spiral in breadth-first order from
 * the best-connected contact (so neighbours start close), nudged by a seeded pseudo-random jitter; the same input
 * and seed give the same picture, which keeps screenshots stable. About 300 nodes lay out in tens of milliseconds.
 */
export interface LayoutInput {
  ids: readonly string[];
  edges: readonly { source: string; target: string }[];
  /** Held at the origin (the centre contact of a contact view). */
  pinned?: string | null;
  iterations?: number;
  seed?: number;
}

export interface Point {
  x: number;
  y: number;
}

/** mulberry32: a tiny seeded generator, numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Node indices breadth-first, each component from its best-connected node (the pinned one first). */
function startOrder(n: number, links: [number, number][], first: number): number[] {
  const neighbours: number[][] = Array.from({ length: n }, () => []);
  for (const [a, b] of links) {
    neighbours[a].push(b);
    neighbours[b].push(a);
  }
  const byDegree = [...Array(n).keys()].sort((a, b) => neighbours[b].length - neighbours[a].length || a - b);
  if (first >= 0) byDegree.unshift(first);
  const seen = new Uint8Array(n);
  const order: number[] = [];
  for (const root of byDegree) {
    if (seen[root]) continue;
    seen[root] = 1;
    for (let q = order.push(root) - 1; q < order.length; q++)
      for (const next of neighbours[order[q]])
        if (!seen[next]) {
          seen[next] = 1;
          order.push(next);
        }
  }
  return order;
}

export function forceLayout({ ids, edges, pinned = null, iterations = 300, seed = 1 }: LayoutInput): Map<string, Point> {
  const n = ids.length;
  const index = new Map(ids.map((id, i) => [id, i]));
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  const pinnedIndex = pinned === null ? -1 : (index.get(pinned) ?? -1);
  const links: [number, number][] = [];
  const seen = new Set<string>();
  for (const e of edges) {
    const a = index.get(e.source);
    const b = index.get(e.target);
    if (a === undefined || b === undefined || a === b) continue;
    const key = a < b ? `${a}:${b}` : `${b}:${a}`;
    if (seen.has(key)) continue;
    seen.add(key);
    links.push(a < b ? [a, b] : [b, a]);
  }
  // In node order, not the order the edges came in (the server sorts them by id, random UUIDs): the same
  // contacts and links give the same picture.
  links.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const golden = Math.PI * (3 - Math.sqrt(5));
  const random = seededRandom(seed);
  for (const [slot, i] of startOrder(n, links, pinnedIndex).entries()) {
    const r = 10 * Math.sqrt(slot + 0.5);
    xs[i] = r * Math.cos(slot * golden) + random() - 0.5;
    ys[i] = r * Math.sin(slot * golden) + random() - 0.5;
  }
  if (pinnedIndex >= 0) xs[pinnedIndex] = ys[pinnedIndex] = 0;
  // Ideal edge length: longer for small graphs, whose labels would otherwise overlap at the minimum view size.
  const k = n <= 40 ? 90 : 30;
  // The pull to the middle balances the repulsion of n nodes (≈ n·k²/r) at a radius of about 1.3·k·√n: strong enough
  // that separate groups stay in one picture, weak enough that a team's members spread around it instead of being
  // squeezed against an outer wall (the disc below only catches strays).
  const gravity = 0.6;
  const maxRadius = k * Math.sqrt(n + 1) * 3;
  const dx = new Float64Array(n);
  const dy = new Float64Array(n);
  let temperature = 10 * Math.sqrt(n + 1);
  const cooling = Math.pow(0.5 / temperature, 1 / Math.max(1, iterations));
  for (let step = 0; step < iterations; step++) {
    dx.fill(0);
    dy.fill(0);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        let ddx = xs[i] - xs[j];
        let ddy = ys[i] - ys[j];
        let d2 = ddx * ddx + ddy * ddy;
        if (d2 < 0.01) {
          ddx = 0.1 * ((i % 7) - 3 || 1);
          ddy = 0.1 * ((j % 5) - 2 || 1);
          d2 = ddx * ddx + ddy * ddy;
        }
        const f = (k * k) / d2; // repulsion k²/d, along the unit vector (ddx/d)
        dx[i] += ddx * f;
        dy[i] += ddy * f;
        dx[j] -= ddx * f;
        dy[j] -= ddy * f;
      }
    }
    for (const [a, b] of links) {
      const ddx = xs[a] - xs[b];
      const ddy = ys[a] - ys[b];
      const d = Math.sqrt(ddx * ddx + ddy * ddy) || 0.01;
      const f = d / k; // attraction d²/k along the unit vector
      dx[a] -= ddx * f;
      dy[a] -= ddy * f;
      dx[b] += ddx * f;
      dy[b] += ddy * f;
    }
    for (let i = 0; i < n; i++) {
      dx[i] -= xs[i] * gravity;
      dy[i] -= ys[i] * gravity;
      if (i === pinnedIndex) continue;
      const len = Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]);
      if (len === 0) continue;
      const move = Math.min(len, temperature);
      xs[i] += (dx[i] / len) * move;
      ys[i] += (dy[i] / len) * move;
      const r = Math.sqrt(xs[i] * xs[i] + ys[i] * ys[i]);
      if (r > maxRadius) {
        xs[i] *= maxRadius / r;
        ys[i] *= maxRadius / r;
      }
    }
    temperature *= cooling;
  }
  return new Map(ids.map((id, i) => [id, { x: xs[i], y: ys[i] }]));
}

/**
 * The bounding box of the points with a margin, as an SVG viewBox, never smaller than minSize across, so a graph of
 * two or three nodes is drawn at the same scale as a larger one instead of being blown up to fill the frame.
 */
export function viewBoxOf(points: Iterable<Point>, margin = 40, minSize = 480): string {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of points) {
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x);
    maxY = Math.max(maxY, p.y);
  }
  if (!Number.isFinite(minX)) return `${-minSize / 2} ${-minSize / 2} ${minSize} ${minSize}`;
  const width = Math.max(maxX - minX + 2 * margin, minSize);
  const height = Math.max(maxY - minY + 2 * margin, minSize * 0.6);
  const [centreX, centreY] = [(minX + maxX) / 2, (minY + maxY) / 2];
  return `${centreX - width / 2} ${centreY - height / 2} ${width} ${height}`;
}
