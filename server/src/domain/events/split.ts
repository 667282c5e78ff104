/**
 * Splitting confirmed participants into working groups: balanced sizes, mixed governorates and kinds, and
 * colleagues from one organisation or team apart. Pure and deterministic (same input, same groups).
 */

export interface SplitPerson {
  id: string;
  /**
   * Every organisation and volunteer team the person belongs to today: current positions, current `member_of`
   * relationships, and the organisation or team they represent. Two people sharing any of them are colleagues.
   */
  organisationIds: readonly string[];
  governorates: readonly string[];
  kind: string;
  gender: string | null;
}

export interface SplitGroup {
  id: string;
  /** A cap: the group never gets more than this. */
  size: number | null;
}

export interface SplitResult {
  /** person id -> group id; people beyond the total of the caps are left out. */
  assignment: Map<string, string>;
  unassigned: string[];
  penalty: number;
}

/** Two colleagues in one group cost far more than any amount of governorate or kind imbalance. */
export const SPLIT_WEIGHTS = { organisation: 1000, governorate: 3, kind: 2, gender: 1 } as const;

function featuresOf(p: SplitPerson): { key: string; weight: number }[] {
  const out: { key: string; weight: number }[] = p.governorates.map((g) => ({ key: `g:${g}`, weight: SPLIT_WEIGHTS.governorate }));
  out.push({ key: `k:${p.kind}`, weight: SPLIT_WEIGHTS.kind });
  if (p.gender) out.push({ key: `s:${p.gender}`, weight: SPLIT_WEIGHTS.gender });
  for (const o of new Set(p.organisationIds)) out.push({ key: `o:${o}`, weight: SPLIT_WEIGHTS.organisation });
  return out;
}

/** Target sizes: as even as the caps allow (uncapped groups differ by at most one). */
export function targetSizes(people: number, groups: readonly SplitGroup[]): number[] {
  const targets = groups.map(() => 0);
  for (let placed = 0; placed < people; placed++) {
    let best = -1;
    for (let g = 0; g < groups.length; g++) {
      const cap = groups[g].size ?? Number.POSITIVE_INFINITY;
      if (targets[g] < cap && (best === -1 || targets[g] < targets[best])) best = g;
    }
    if (best === -1) break;
    targets[best] += 1;
  }
  return targets;
}

/** Penalty of a split: for every feature, the number of same-feature pairs sharing a group, weighted. */
export function splitPenalty(people: readonly SplitPerson[], groupOf: (id: string) => number | undefined): number {
  const counts = new Map<string, number>();
  let penalty = 0;
  for (const p of people) {
    const g = groupOf(p.id);
    if (g === undefined) continue;
    for (const f of featuresOf(p)) {
      const key = `${g}|${f.key}`;
      const c = counts.get(key) ?? 0;
      penalty += f.weight * c;
      counts.set(key, c + 1);
    }
  }
  return penalty;
}

/** People's features as small integers, so the inner loops index typed arrays instead of hashing strings. */
interface Encoded {
  features: Int32Array[];
  weights: number[];
}

function encode(people: readonly SplitPerson[]): Encoded {
  const ids = new Map<string, number>();
  const weights: number[] = [];
  const features = people.map((p) =>
    Int32Array.from(
      featuresOf(p).map((f) => {
        let id = ids.get(f.key);
        if (id === undefined) {
          id = weights.length;
          ids.set(f.key, id);
          weights.push(f.weight);
        }
        return id;
      }),
    ),
  );
  return { features, weights };
}

class State {
  /** counts[g * featureCount + f]: people with feature f in group g. */
  readonly counts: Int32Array;
  readonly sizes: Int32Array;
  readonly groupOf: Int32Array;
  private readonly width: number;

  constructor(
    readonly encoded: Encoded,
    groupCount: number,
  ) {
    this.width = encoded.weights.length;
    this.counts = new Int32Array(groupCount * this.width);
    this.sizes = new Int32Array(groupCount);
    this.groupOf = new Int32Array(encoded.features.length).fill(-1);
  }

  /** What adding person i to group g costs, ignoring person `without` already there. */
  addCost(i: number, g: number, without = -1): number {
    const base = g * this.width;
    const mine = this.encoded.features[i];
    const others = without >= 0 ? this.encoded.features[without] : null;
    let cost = 0;
    for (let a = 0; a < mine.length; a++) {
      const f = mine[a];
      let c = this.counts[base + f];
      if (others) for (let b = 0; b < others.length; b++) if (others[b] === f) c -= 1;
      cost += this.encoded.weights[f] * c;
    }
    return cost;
  }

  place(i: number, g: number) {
    const base = g * this.width;
    for (const f of this.encoded.features[i]) this.counts[base + f] += 1;
    this.sizes[g] += 1;
    this.groupOf[i] = g;
  }

  remove(i: number) {
    const g = this.groupOf[i];
    const base = g * this.width;
    for (const f of this.encoded.features[i]) this.counts[base + f] -= 1;
    this.sizes[g] -= 1;
    this.groupOf[i] = -1;
  }

  penalty(): number {
    let total = 0;
    for (let k = 0; k < this.counts.length; k++) {
      const c = this.counts[k];
      total += this.encoded.weights[k % this.width] * ((c * (c - 1)) / 2);
    }
    return total;
  }
}

/** Swaps two people between groups while that lowers the penalty; sizes never change. */
function improveBySwaps(state: State, maxPasses = 8) {
  const n = state.groupOf.length;
  for (let pass = 0; pass < maxPasses; pass++) {
    let improved = false;
    for (let a = 0; a < n; a++) {
      const ga = state.groupOf[a];
      if (ga < 0) continue;
      for (let b = a + 1; b < n; b++) {
        const gb = state.groupOf[b];
        if (gb < 0 || gb === ga) continue;
        const before = state.addCost(a, ga, a) + state.addCost(b, gb, b);
        const after = state.addCost(a, gb, b) + state.addCost(b, ga, a);
        if (after < before) {
          state.remove(a);
          state.remove(b);
          state.place(a, gb);
          state.place(b, ga);
          improved = true;
          break;
        }
      }
    }
    if (!improved) break;
  }
}

/**
 * People of larger organisations or teams first (a person in several counts by the largest), so their people are
 * spread before the groups fill up; ties by stable keys.
 */
function placementOrder(people: readonly SplitPerson[]): number[] {
  const orgSize = new Map<string, number>();
  for (const p of people) for (const o of new Set(p.organisationIds)) orgSize.set(o, (orgSize.get(o) ?? 0) + 1);
  const largest = (p: SplitPerson) => [...p.organisationIds].sort((a, b) => orgSize.get(b)! - orgSize.get(a)! || (a < b ? -1 : 1))[0];
  const size = (p: SplitPerson) => Math.max(1, ...p.organisationIds.map((o) => orgSize.get(o)!));
  const key = (p: SplitPerson) => `${largest(p) ?? '~'}|${p.governorates.join(',')}|${p.kind}|${p.id}`;
  return people.map((_, i) => i).sort((x, y) => size(people[y]) - size(people[x]) || (key(people[x]) < key(people[y]) ? -1 : 1));
}

function greedy(order: number[], targets: number[], encoded: Encoded): State {
  const state = new State(encoded, targets.length);
  for (const i of order) {
    let best = -1;
    let bestCost = Number.POSITIVE_INFINITY;
    for (let g = 0; g < targets.length; g++) {
      if (state.sizes[g] >= targets[g]) continue;
      const cost = state.sizes[g] + state.addCost(i, g);
      if (cost < bestCost) {
        best = g;
        bestCost = cost;
      }
    }
    if (best >= 0) state.place(i, best);
  }
  return state;
}

/** Deals people round the groups in placement order: colleagues land in different groups whenever sizes allow. */
function dealt(order: number[], targets: number[], encoded: Encoded): State {
  const state = new State(encoded, targets.length);
  let g = 0;
  for (const i of order) {
    for (let tries = 0; tries < targets.length && state.sizes[g] >= targets[g]; tries++) g = (g + 1) % targets.length;
    if (state.sizes[g] >= targets[g]) break;
    state.place(i, g);
    g = (g + 1) % targets.length;
  }
  return state;
}

/**
 * Greedy balanced assignment (each person to the open group where they add the least size and sameness), then swaps
 * that lower the penalty. A round-robin deal, improved the same way, is kept instead when it scores better: it never
 * seats colleagues together when an organisation has no more people than there are groups.
 */
export function autoSplit(people: readonly SplitPerson[], groups: readonly SplitGroup[]): SplitResult {
  const assignment = new Map<string, string>();
  if (groups.length === 0) return { assignment, unassigned: people.map((p) => p.id), penalty: 0 };
  const targets = targetSizes(people.length, groups);
  const encoded = encode(people);
  const order = placementOrder(people);
  const candidates = [greedy(order, targets, encoded), dealt(order, targets, encoded)];
  for (const state of candidates) improveBySwaps(state);
  const best = candidates.reduce((a, b) => (b.penalty() < a.penalty() ? b : a));
  const unassigned: string[] = [];
  people.forEach((p, i) => {
    const g = best.groupOf[i];
    if (g >= 0) assignment.set(p.id, groups[g].id);
    else unassigned.push(p.id);
  });
  return { assignment, unassigned, penalty: best.penalty() };
}
