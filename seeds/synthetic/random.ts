/**
 * A small seeded PRNG for the synthetic directory and its query set. Pure TypeScript (no Node imports), so a benchmark
 * in the browser can regenerate exactly the same data from the same seed.
 *
 * The generator is sfc32 (Chris Doty-Humphrey's Small Fast Chaotic PRNG, 32-bit variant), seeded through splitmix32 so
 * that nearby seeds (1, 2, 3…) give unrelated streams. It passes PractRand far beyond what a test-data generator needs.
 */

/** splitmix32 step: scrambles a 32-bit value; used to expand one seed into sfc32's four words. */
function splitmix32(state: number): [next: number, value: number] {
  const next = (state + 0x9e3779b9) | 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  z ^= z >>> 16;
  return [next, z >>> 0];
}

/** FNV-1a over UTF-16 code units: a stable 32-bit hash, e.g. to derive a per-group seed from a name. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Combines a seed with a label (e.g. a noise group), so each label gets its own independent stream. */
export function deriveSeed(seed: number, label: string): number {
  return (hashString(label) ^ Math.imul(seed | 0, 0x9e3779b1)) >>> 0;
}

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** true with probability p. */
  chance(p: number): boolean;
  /** A uniformly chosen element; throws on an empty array. */
  pick<T>(items: readonly T[]): T;
  /** An element chosen with probability proportional to its weight (linear scan; use WeightedTable for hot paths). */
  weighted<T>(items: readonly T[], weights: readonly number[]): T;
  /** A new array with the elements in random order (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[];
  /** k distinct elements in random order (k is capped at the array's length). */
  sample<T>(items: readonly T[], k: number): T[];
}

/** A seeded sfc32 generator. Same seed, same sequence, on every JavaScript engine. */
export function createRng(seed: number): Rng {
  let s = seed >>> 0;
  let a: number;
  let b: number;
  let c: number;
  let d: number;
  [s, a] = splitmix32(s);
  [s, b] = splitmix32(s);
  [s, c] = splitmix32(s);
  [, d] = splitmix32(s);
  a |= 0;
  b |= 0;
  c |= 0;
  d |= 0;

  function nextUint32(): number {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  }
  // Discard the first outputs, as the sfc32 author recommends.
  for (let i = 0; i < 12; i++) nextUint32();

  const next = (): number => nextUint32() / 4294967296;

  const rng: Rng = {
    next,
    int(min, max) {
      return min + Math.floor(next() * (max - min + 1));
    },
    chance(p) {
      return next() < p;
    },
    pick(items) {
      if (items.length === 0) throw new Error('pick from an empty array');
      return items[Math.floor(next() * items.length)];
    },
    weighted(items, weights) {
      if (items.length === 0 || items.length !== weights.length) throw new Error('weighted: bad input');
      let total = 0;
      for (const w of weights) total += w;
      let r = next() * total;
      for (let i = 0; i < items.length; i++) {
        r -= weights[i];
        if (r < 0) return items[i];
      }
      return items[items.length - 1];
    },
    shuffle(items) {
      const out = items.slice();
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        const tmp = out[i];
        out[i] = out[j];
        out[j] = tmp;
      }
      return out;
    },
    sample(items, k) {
      return rng.shuffle(items).slice(0, Math.max(0, Math.min(k, items.length)));
    },
  };
  return rng;
}

/** Weighted choice by binary search over cumulative weights: O(log n) per pick, for tables drawn from 100k times. */
export class WeightedTable<T> {
  readonly items: readonly T[];
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(items: readonly T[], weights: readonly number[]) {
    if (items.length === 0 || items.length !== weights.length) throw new Error('WeightedTable: bad input');
    this.items = items;
    this.cumulative = new Float64Array(items.length);
    let sum = 0;
    for (let i = 0; i < items.length; i++) {
      if (!(weights[i] >= 0)) throw new Error('WeightedTable: negative or NaN weight');
      sum += weights[i];
      this.cumulative[i] = sum;
    }
    if (sum <= 0) throw new Error('WeightedTable: total weight is zero');
    this.total = sum;
  }

  pick(rng: Rng): T {
    const r = rng.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid] > r) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo];
  }
}
