import { describe, expect, it } from 'vitest';
import { fitAspect, MAX_ZOOM, viewForKey, zoomAt, zoomOf, type ViewBox } from '../../../web/src/lib/network/graph-view.js';
import { networkRows, sortRows, splitLinked } from '../../../web/src/lib/network/network-data.js';

const base: ViewBox = { x: -100, y: -50, width: 200, height: 100 };

describe('zoom and pan of the viewBox', () => {
  it('zooms about a point that stays put on screen, within limits', () => {
    const v = zoomAt(base, base, 2, 50, 0);
    expect(v.width).toBe(100);
    // The point 50 was at 3/4 of the width; it still is.
    expect((50 - v.x) / v.width).toBeCloseTo(0.75);
    let far = base;
    for (let i = 0; i < 50; i++) far = zoomAt(far, base, 2);
    expect(zoomOf(far, base)).toBe(MAX_ZOOM);
  });

  it('maps + − arrows and 0, and leaves other keys alone', () => {
    const closer = viewForKey('+', base, base)!;
    expect(closer.width).toBeLessThan(base.width);
    expect(viewForKey('-', closer, base)!.width).toBeCloseTo(base.width);
    expect(viewForKey('ArrowRight', base, base)!.x).toBeGreaterThan(base.x);
    expect(viewForKey('ArrowUp', base, base)!.y).toBeLessThan(base.y);
    expect(viewForKey('0', closer, base)).toEqual(base);
    expect(viewForKey('a', base, base)).toBeNull();
  });

  it('widens the box to the client aspect around its centre', () => {
    const wide = fitAspect(base, 400, 400);
    expect(wide).toEqual({ x: -100, y: -100, width: 200, height: 200 });
  });
});

describe('network rows', () => {
  const node = (id: string, name: string) => ({ id, name, kind: 'activist' as const, governorates: ['IQ-BG'] });
  const edge = (id: string, source: string, target: string) => ({
    id,
    source,
    target,
    type: 'works_with',
    label: { ar: 'يعمل مع', en: 'works with' },
    active: true,
  });
  const nodes = [node('a', 'باسم'), node('b', 'أحمد'), node('c', 'جمال'), node('d', 'دلال')];
  const rows = networkRows(nodes, [edge('1', 'a', 'b'), edge('2', 'a', 'c'), edge('3', 'a', 'gone')]);

  it('counts links from both ends, skips edges to absent contacts, and sets the unlinked apart', () => {
    expect(rows.map((r) => r.links.length)).toEqual([2, 1, 1, 0]);
    expect(rows[1].links[0]).toMatchObject({ outgoing: false, other: { id: 'a' } });
    const { linked, unlinked } = splitLinked(rows, null);
    expect(linked.map((n) => n.id)).toEqual(['a', 'b', 'c']);
    expect(unlinked.map((n) => n.id)).toEqual(['d']);
    expect(splitLinked(rows, 'd').unlinked).toEqual([]);
  });

  it('sorts by name and by number of links', () => {
    expect(sortRows(rows, 'name', false, 'ar').map((r) => r.node.name)).toEqual(['أحمد', 'باسم', 'جمال', 'دلال']);
    expect(sortRows(rows, 'links', true, 'ar').map((r) => r.node.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(sortRows(rows, 'links', false, 'ar').map((r) => r.node.id)[0]).toBe('d');
  });
});
