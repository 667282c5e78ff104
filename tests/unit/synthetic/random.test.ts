import { describe, expect, it } from 'vitest';
import { createRng, deriveSeed, hashString, WeightedTable } from '../../../seeds/synthetic/random.js';

describe('createRng', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const a = createRng(123);
    const b = createRng(123);
    const c = createRng(124);
    const seqA = Array.from({ length: 20 }, () => a.next());
    const seqB = Array.from({ length: 20 }, () => b.next());
    const seqC = Array.from({ length: 20 }, () => c.next());
    expect(seqA).toEqual(seqB);
    expect(seqA).not.toEqual(seqC);
    for (const x of seqA) expect(x >= 0 && x < 1).toBe(true);
  });

  it('int stays within its inclusive bounds and reaches both ends', () => {
    const rng = createRng(1);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const n = rng.int(2, 5);
      expect(n >= 2 && n <= 5 && Number.isInteger(n)).toBe(true);
      seen.add(n);
    }
    expect([...seen].sort()).toEqual([2, 3, 4, 5]);
  });

  it('chance, pick, weighted, shuffle and sample behave', () => {
    const rng = createRng(99);
    let hits = 0;
    for (let i = 0; i < 10_000; i++) if (rng.chance(0.3)) hits++;
    expect(hits / 10_000).toBeCloseTo(0.3, 1);

    const counts = { a: 0, b: 0 };
    for (let i = 0; i < 10_000; i++) counts[rng.weighted(['a', 'b'] as const, [1, 3])]++;
    expect(counts.b / 10_000).toBeCloseTo(0.75, 1);

    expect(['x', 'y', 'z']).toContain(rng.pick(['x', 'y', 'z']));
    expect(() => rng.pick([])).toThrow();

    const items = [1, 2, 3, 4, 5, 6];
    expect(rng.shuffle(items).sort()).toEqual(items);
    const sample = rng.sample(items, 3);
    expect(new Set(sample).size).toBe(3);
    expect(rng.sample(items, 10)).toHaveLength(6);
  });
});

describe('WeightedTable', () => {
  it('picks in proportion to the weights and never a zero-weight item', () => {
    const table = new WeightedTable(['a', 'b', 'c', 'never'], [1, 2, 7, 0]);
    const rng = createRng(5);
    const counts: Record<string, number> = { a: 0, b: 0, c: 0, never: 0 };
    for (let i = 0; i < 20_000; i++) counts[table.pick(rng)]++;
    expect(counts.never).toBe(0);
    expect(counts.a / 20_000).toBeCloseTo(0.1, 1);
    expect(counts.c / 20_000).toBeCloseTo(0.7, 1);
  });

  it('rejects bad input', () => {
    expect(() => new WeightedTable([], [])).toThrow();
    expect(() => new WeightedTable(['a'], [0])).toThrow();
    expect(() => new WeightedTable(['a', 'b'], [1])).toThrow();
  });
});

describe('hashString / deriveSeed', () => {
  it('are stable and label-sensitive', () => {
    expect(hashString('exact')).toBe(hashString('exact'));
    expect(hashString('exact')).not.toBe(hashString('typo_1'));
    expect(deriveSeed(1, 'exact')).not.toBe(deriveSeed(2, 'exact'));
    expect(deriveSeed(1, 'exact')).toBe(deriveSeed(1, 'exact'));
  });
});
