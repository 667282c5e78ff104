/**
 * Greedy label placement: labels are tried in priority order at a few spots around their node and kept only where
 * they overlap no label already kept, so the shown labels never overlap and the most important ones win. Coordinates
 * are in any one unit (the graph's user units); sizes are given in the same unit.
 */
export interface LabelRequest {
  id: string;
  /** Node centre and radius: a label never covers its own node. */
  x: number;
  y: number;
  r: number;
  width: number;
  height: number;
  /** Higher first; `forced` labels are placed before all others and never dropped. */
  priority: number;
  forced?: boolean;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedLabel extends Box {
  id: string;
}

/** Above, below, then beside the node (both sides), each clear of the circle by `gap`. */
function candidates(l: LabelRequest, gap: number): Box[] {
  const { x, y, r, width: w, height: h } = l;
  return [
    { x: x - w / 2, y: y - r - gap - h, width: w, height: h },
    { x: x - w / 2, y: y + r + gap, width: w, height: h },
    { x: x + r + gap, y: y - h / 2, width: w, height: h },
    { x: x - r - gap - w, y: y - h / 2, width: w, height: h },
  ];
}

export const boxesOverlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** A uniform grid of kept boxes, so each test looks only at nearby labels (≈ O(n) for the whole placement). */
class BoxGrid {
  private cells = new Map<string, Box[]>();
  constructor(private readonly cell: number) {}
  private keys(b: Box): string[] {
    const keys: string[] = [];
    for (let i = Math.floor(b.x / this.cell); i <= Math.floor((b.x + b.width) / this.cell); i++)
      for (let j = Math.floor(b.y / this.cell); j <= Math.floor((b.y + b.height) / this.cell); j++) keys.push(`${i}:${j}`);
    return keys;
  }
  hits(b: Box): boolean {
    return this.keys(b).some((k) => this.cells.get(k)?.some((o) => boxesOverlap(o, b)) ?? false);
  }
  add(b: Box) {
    for (const k of this.keys(b)) {
      const list = this.cells.get(k);
      if (list) list.push(b);
      else this.cells.set(k, [b]);
    }
  }
}

const inside = (b: Box, bounds: Box) =>
  b.x >= bounds.x && b.y >= bounds.y && b.x + b.width <= bounds.x + bounds.width && b.y + b.height <= bounds.y + bounds.height;

/**
 * Places labels; `gap` is the clearance from the node circle. Forced labels take their first spot even when two of
 * them collide (there is normally one: the centre or the focused contact); every other label is dropped rather than
 * drawn over one already kept, or cut by the edge of `bounds` (the visible area) when given. Among the free spots,
 * one that covers none of the `nodes` (other contacts' circles, as boxes) is preferred.
 */
export function placeLabels(requests: readonly LabelRequest[], gap = 2, bounds?: Box, nodes: readonly Box[] = []): PlacedLabel[] {
  const ordered = [...requests].sort(
    (a, b) => Number(b.forced ?? false) - Number(a.forced ?? false) || b.priority - a.priority || (a.id < b.id ? -1 : 1),
  );
  const tallest = Math.max(1, ...requests.map((r) => r.height));
  const grid = new BoxGrid(tallest * 4);
  const nodeGrid = new BoxGrid(tallest * 4);
  for (const node of nodes) nodeGrid.add(node);
  const placed: PlacedLabel[] = [];
  for (const request of ordered) {
    const spots = candidates(request, gap);
    const fits = (s: Box) => !grid.hits(s) && (!bounds || inside(s, bounds));
    const free = spots.filter(fits);
    const spot = free.find((s) => !nodeGrid.hits(s)) ?? free[0] ?? (request.forced ? spots[0] : undefined);
    if (!spot) continue;
    grid.add(spot);
    placed.push({ id: request.id, ...spot });
  }
  return placed;
}
