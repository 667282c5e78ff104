// Issue 14: quotas count people, once each; shares of a gender over people whose gender is known; the tiles add up.
import { describe, expect, it } from 'vitest';
import { listTally } from '../../../server/src/domain/events/list-tally.js';
import { quotaStatuses, quotasPushedOverMax, type Quota, type QuotaPerson } from '../../../server/src/domain/events/quota.js';
import { pickSuggestions } from '../../../server/src/domain/events/suggest.js';

const quota = (q: Partial<Quota>): Quota => ({
  dimension: 'governorate',
  value: 'IQ-BG',
  minCount: null,
  maxCount: null,
  minShare: null,
  ...q,
});
const many = (n: number, p: Partial<QuotaPerson>): QuotaPerson[] =>
  Array.from({ length: n }, () => ({ status: 'invited', governorates: ['IQ-BG'], kind: 'activist', gender: null, ...p }));

describe('quotas count people', () => {
  it('measures a gender share over people whose gender is recorded (17 of 32, not 17 of 54)', () => {
    const people = [...many(17, { gender: 'female' }), ...many(15, { gender: 'male' }), ...many(22, { gender: null })];
    const [women] = quotaStatuses([quota({ dimension: 'gender', value: 'female', minShare: 0.4 })], people);
    expect(women).toMatchObject({ count: 17, activeTotal: 32, unrecorded: 22, state: 'met', missing: 0 });
    expect(women.share).toBeCloseTo(17 / 32);
  });

  it('leaves out an office or team with nobody named to come', () => {
    const people = [...many(2, { gender: 'female' }), ...many(3, { kind: 'organization', person: false })];
    const result = quotaStatuses([quota({ minCount: 3 }), quota({ dimension: 'kind', value: 'organization', minCount: 1 })], people);
    expect(result.map((r) => [r.count, r.activeTotal, r.state])).toEqual([
      [2, 2, 'short'],
      [0, 2, 'short'],
    ]);
  });

  it('counts a person in several governorates once: in the one chosen, else the first', () => {
    const people: QuotaPerson[] = [
      { status: 'invited', governorates: ['IQ-AN', 'IQ-BG'], kind: 'activist', gender: null },
      { status: 'invited', governorates: ['IQ-AN', 'IQ-BG'], kind: 'activist', gender: null, quotaGovernorate: 'IQ-BG' },
    ];
    const result = quotaStatuses([quota({ value: 'IQ-AN', minCount: 1 }), quota({ value: 'IQ-BG', minCount: 1 })], people);
    expect(result.map((r) => r.count)).toEqual([1, 1]);
  });

  it('names the quotas an addition pushes past their maximum, only those it pushes further', () => {
    const quotas = [
      quota({ maxCount: 1 }),
      quota({ value: 'IQ-AN', maxCount: 0 }),
      quota({ dimension: 'kind', value: 'activist', maxCount: 5 }),
    ];
    const before = [...many(1, {}), ...many(1, { governorates: ['IQ-AN'] })];
    const over = quotasPushedOverMax(quotas, before, many(1, {}));
    expect(over.map((q) => [q.value, q.count, q.maxCount])).toEqual([['IQ-BG', 2, 1]]);
    expect(quotasPushedOverMax(quotas, before, many(1, { governorates: ['IQ-NI'] }))).toEqual([]);
  });
});

describe('suggestions and governorates', () => {
  it('counts a candidate of two governorates toward the short one only', () => {
    const quotas = quotaStatuses(
      [quota({ value: 'IQ-AN', minCount: 1 }), quota({ value: 'IQ-BG', minCount: 2 })],
      many(1, { governorates: ['IQ-AN'] }),
    );
    const pool = [
      { id: 'a', governorates: ['IQ-AN', 'IQ-BG'], kind: 'activist', gender: null, lastInvitedAt: null, attended: 0 },
      { id: 'b', governorates: ['IQ-BG'], kind: 'activist', gender: null, lastInvitedAt: null, attended: 0 },
    ];
    const picked = pickSuggestions(pool, quotas, { limit: 5, months: 6, now: new Date('2026-06-01') });
    expect(picked.map((p) => [p.id, p.quotaGovernorate])).toEqual([
      ['a', 'IQ-BG'],
      ['b', 'IQ-BG'],
    ]);
    expect(picked[0].reasons.filter((r) => r.code === 'fills_quota')).toEqual([
      { code: 'fills_quota', dimension: 'governorate', value: 'IQ-BG' },
    ]);
  });
});

describe('summary tiles', () => {
  it('adds up to the list: proposed are not invited, invited are those still waiting', () => {
    const tally = listTally({ proposed: 12, invited: 20, confirmed: 19, declined: 5, attended: 0, no_show: 0, cancelled: 3 });
    expect(tally.total).toBe(59);
    expect(tally.tiles.reduce((sum, tile) => sum + tile.n, 0)).toBe(tally.total);
    expect(tally.tiles.map((tile) => tile.status)).toEqual(['proposed', 'invited', 'confirmed', 'declined', 'cancelled']);
  });
});
