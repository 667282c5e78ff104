import { describe, expect, it } from 'vitest';
import { boxesOverlap, placeLabels, type LabelRequest } from '../../../web/src/lib/network/label-placement.js';
import { seededRandom } from '../../../web/src/lib/network/force-layout.js';

const label = (id: string, x: number, y: number, extra: Partial<LabelRequest> = {}): LabelRequest => ({
  id,
  x,
  y,
  r: 5,
  width: 80,
  height: 16,
  priority: 0,
  ...extra,
});

/** A crowded square: 300 labels 80 × 16 scattered over 600 × 600. */
function crowd(count = 300): LabelRequest[] {
  const random = seededRandom(7);
  return Array.from({ length: count }, (_, i) => label(`n${i}`, random() * 600, random() * 600, { priority: Math.floor(random() * 10) }));
}

describe('label placement', () => {
  it('never keeps two overlapping labels, in a crowd of 300', () => {
    const placed = placeLabels(crowd());
    expect(placed.length).toBeGreaterThan(20);
    expect(placed.length).toBeLessThan(300);
    for (let i = 0; i < placed.length; i++)
      for (let j = i + 1; j < placed.length; j++) expect(boxesOverlap(placed[i], placed[j]), `${placed[i].id}/${placed[j].id}`).toBe(false);
  });

  it('keeps the centre (forced) label even where every spot is taken, and drops the others there instead', () => {
    const requests = crowd();
    const centre = label('centre', 300, 300, { forced: true, r: 9, width: 140 });
    const placed = placeLabels([...requests, centre]);
    const kept = placed.find((p) => p.id === 'centre');
    expect(kept).toBeDefined();
    expect(placed.filter((p) => p.id !== 'centre' && boxesOverlap(p, kept!))).toEqual([]);
  });

  it('does not cover its own node: the box stays clear of the circle', () => {
    const [placed] = placeLabels([label('a', 100, 100, { r: 12, forced: true })], 2);
    const nearestX = Math.max(placed.x, Math.min(100, placed.x + placed.width));
    const nearestY = Math.max(placed.y, Math.min(100, placed.y + placed.height));
    expect(Math.hypot(nearestX - 100, nearestY - 100)).toBeGreaterThanOrEqual(12);
  });

  it('prefers higher priority, then moves a label to another side rather than dropping it', () => {
    // Two nodes side by side: both "above" spots collide, so the weaker label goes below its node.
    const placed = placeLabels([label('weak', 140, 100, { priority: 1 }), label('strong', 100, 100, { priority: 5 })]);
    expect(placed.map((p) => p.id)).toEqual(['strong', 'weak']);
    expect(placed[0].y).toBeLessThan(100);
    expect(placed[1].y).toBeGreaterThan(100);
  });
});

describe('label placement around other nodes', () => {
  it("moves a label off another contact's circle when a free spot exists", () => {
    const other = { x: 90, y: 70, width: 20, height: 20 }; // right above "a"
    const [placed] = placeLabels([label('a', 100, 100)], 2, undefined, [other]);
    expect(boxesOverlap(placed, other)).toBe(false);
    expect(placed.y).toBeGreaterThan(100);
  });

  it('keeps labels inside the bounds, dropping those that would be cut', () => {
    const bounds = { x: 0, y: 0, width: 200, height: 200 };
    const placed = placeLabels([label('corner', 5, 5), label('middle', 100, 100)], 2, bounds);
    expect(placed.map((p) => p.id)).toEqual(['middle']);
  });
});
