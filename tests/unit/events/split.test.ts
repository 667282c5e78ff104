import { describe, expect, it } from 'vitest';
import { autoSplit, targetSizes, type SplitGroup, type SplitPerson } from '../../../server/src/domain/events/split.js';

/** mulberry32: a small seeded PRNG, so every run checks the same random cases. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let r = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

const GOVS = ['IQ-BG', 'IQ-AN', 'IQ-NA', 'IQ-BB'];
const KINDS = ['activist', 'government_focal_point', 'volunteer_team', 'organization'];

function randomCase(random: () => number) {
  const groupCount = 2 + Math.floor(random() * 5);
  const people: SplitPerson[] = [];
  const n = Math.floor(random() * 60);
  const orgCount = 1 + Math.floor(random() * 12);
  for (let i = 0; i < n; i++) {
    people.push({
      id: `p${i}`,
      organisationIds: random() < 0.7 ? [`o${Math.floor(random() * orgCount)}`] : [],
      governorates: [GOVS[Math.floor(random() * GOVS.length)]],
      kind: KINDS[Math.floor(random() * KINDS.length)],
      gender: random() < 0.5 ? 'female' : 'male',
    });
  }
  const groups: SplitGroup[] = Array.from({ length: groupCount }, (_, g) => ({ id: `g${g}`, size: null }));
  return { people, groups };
}

function sizes(result: ReturnType<typeof autoSplit>, groups: SplitGroup[]) {
  return groups.map((g) => [...result.assignment.values()].filter((id) => id === g.id).length);
}

describe('auto-split', () => {
  it('gives balanced target sizes and respects caps', () => {
    expect(
      targetSizes(45, [
        { id: 'a', size: null },
        { id: 'b', size: null },
        { id: 'c', size: null },
      ]),
    ).toEqual([15, 15, 15]);
    expect(
      targetSizes(10, [
        { id: 'a', size: null },
        { id: 'b', size: null },
        { id: 'c', size: null },
      ]),
    ).toEqual([4, 3, 3]);
    expect(
      targetSizes(10, [
        { id: 'a', size: 2 },
        { id: 'b', size: null },
        { id: 'c', size: null },
      ]),
    ).toEqual([2, 4, 4]);
    expect(
      targetSizes(10, [
        { id: 'a', size: 2 },
        { id: 'b', size: 3 },
      ]),
    ).toEqual([2, 3]);
  });

  it('property: sizes differ by at most one, and colleagues sit apart whenever each organisation fits the groups', () => {
    const random = prng(20261129);
    let withColleagues = 0;
    for (let run = 0; run < 300; run++) {
      const { people, groups } = randomCase(random);
      const result = autoSplit(people, groups);
      expect(result.unassigned).toEqual([]);
      const s = sizes(result, groups);
      expect(Math.max(...s) - Math.min(...s), `run ${run}`).toBeLessThanOrEqual(1);
      const orgSizes = new Map<string, number>();
      for (const p of people) for (const o of p.organisationIds) orgSizes.set(o, (orgSizes.get(o) ?? 0) + 1);
      const feasible = [...orgSizes.values()].every((c) => c <= groups.length);
      if (!feasible) continue;
      withColleagues += [...orgSizes.values()].some((c) => c > 1) ? 1 : 0;
      const seen = new Set<string>();
      for (const p of people) {
        for (const o of p.organisationIds) {
          const key = `${result.assignment.get(p.id)}|${o}`;
          expect(seen.has(key), `run ${run}: two of ${o} in one group`).toBe(false);
          seen.add(key);
        }
      }
    }
    expect(withColleagues).toBeGreaterThan(20);
  });

  it('mixes governorates and kinds evenly when it can', () => {
    const people: SplitPerson[] = [];
    GOVS.slice(0, 3).forEach((g, gi) => {
      for (let i = 0; i < 15; i++)
        people.push({ id: `${gi}-${i}`, organisationIds: [], governorates: [g], kind: KINDS[i % 3], gender: null });
    });
    const groups = [
      { id: 'a', size: null },
      { id: 'b', size: null },
      { id: 'c', size: null },
    ];
    const result = autoSplit(people, groups);
    for (const g of groups) {
      const members = people.filter((p) => result.assignment.get(p.id) === g.id);
      expect(members).toHaveLength(15);
      for (const gov of GOVS.slice(0, 3)) expect(members.filter((m) => m.governorates[0] === gov)).toHaveLength(5);
    }
  });

  it('is deterministic and leaves people beyond the caps unassigned', () => {
    const { people } = randomCase(prng(7));
    const groups = [
      { id: 'a', size: 3 },
      { id: 'b', size: 2 },
    ];
    const first = autoSplit(people, groups);
    const second = autoSplit(people, groups);
    expect([...first.assignment]).toEqual([...second.assignment]);
    expect(first.assignment.size).toBe(Math.min(5, people.length));
    expect(first.unassigned).toHaveLength(people.length - first.assignment.size);
  });

  it('keeps members of one volunteer team apart like colleagues of one organisation (issue 14, item 5)', () => {
    // Six members of one team, all from Baghdad and all activists: only the team tells them apart.
    const people: SplitPerson[] = Array.from({ length: 6 }, (_, i) => ({
      id: `t${i}`,
      organisationIds: ['team'],
      governorates: ['IQ-BG'],
      kind: 'activist',
      gender: i % 2 ? 'female' : 'male',
    }));
    const groups = [
      { id: 'a', size: null },
      { id: 'b', size: null },
      { id: 'c', size: null },
    ];
    const result = autoSplit(people, groups);
    expect(sizes(result, groups)).toEqual([2, 2, 2]);
  });

  it('counts every organisation and team a person belongs to: a member of two is kept apart from both', () => {
    // x belongs to the NGO and the team; the others to one of them each. With two groups, x must sit with neither.
    const person = (id: string, organisationIds: string[]): SplitPerson => ({
      id,
      organisationIds,
      governorates: ['IQ-BG'],
      kind: 'activist',
      gender: null,
    });
    const people = [person('x', ['ngo', 'team']), person('n1', ['ngo']), person('t1', ['team']), person('free', [])];
    const groups = [
      { id: 'a', size: null },
      { id: 'b', size: null },
    ];
    const result = autoSplit(people, groups);
    const groupOf = (id: string) => result.assignment.get(id);
    expect(groupOf('x')).not.toBe(groupOf('n1'));
    expect(groupOf('x')).not.toBe(groupOf('t1'));
    expect(groupOf('x')).toBe(groupOf('free'));
  });
});
