import { describe, expect, it } from 'vitest';
import { evaluateQuota, quotaStatuses, type Quota } from '../../../server/src/domain/events/quota.js';

const quota = (q: Partial<Quota>): Quota => ({
  dimension: 'governorate',
  value: 'IQ-BG',
  minCount: null,
  maxCount: null,
  minShare: null,
  ...q,
});

describe('quota evaluation', () => {
  it('is short below the minimum, met between, over above the maximum', () => {
    const q = quota({ minCount: 2, maxCount: 3 });
    expect(evaluateQuota(q, 1, 10)).toMatchObject({ state: 'short', missing: 1 });
    expect(evaluateQuota(q, 2, 10)).toMatchObject({ state: 'met', missing: 0 });
    expect(evaluateQuota(q, 3, 10)).toMatchObject({ state: 'met', missing: 0 });
    expect(evaluateQuota(q, 4, 10)).toMatchObject({ state: 'over', missing: 0 });
  });

  it('measures a share of the active list and says how many more would meet it', () => {
    const q = quota({ dimension: 'gender', value: 'female', minShare: 0.4 });
    expect(evaluateQuota(q, 2, 5)).toMatchObject({ state: 'met', share: 0.4, missing: 0 });
    // 1 of 5: (1+k)/(5+k) >= 0.4 needs k = 2.
    expect(evaluateQuota(q, 1, 5)).toMatchObject({ state: 'short', missing: 2 });
    expect(evaluateQuota(q, 0, 0)).toMatchObject({ state: 'short', missing: 1 });
  });

  it('counts only active people, by governorate, kind and gender', () => {
    const people = [
      { status: 'invited', governorates: ['IQ-BG', 'IQ-AN'], kind: 'volunteer_team', gender: null },
      { status: 'confirmed', governorates: ['IQ-BG'], kind: 'activist', gender: 'female' },
      { status: 'declined', governorates: ['IQ-BG'], kind: 'activist', gender: 'female' },
      { status: 'no_show', governorates: ['IQ-AN'], kind: 'activist', gender: 'male' },
    ] as const;
    const result = quotaStatuses(
      [
        quota({ minCount: 2 }),
        quota({ value: 'IQ-AN', minCount: 1 }),
        quota({ dimension: 'kind', value: 'activist', maxCount: 0 }),
        quota({ dimension: 'gender', value: 'female', minShare: 0.5 }),
      ],
      people,
    );
    // The team counts once, in its first governorate; its unknown gender leaves it out of the share of women.
    expect(result.map((r) => [r.count, r.activeTotal, r.state])).toEqual([
      [2, 2, 'met'],
      [0, 2, 'short'],
      [1, 2, 'over'],
      [1, 1, 'met'],
    ]);
  });
});
