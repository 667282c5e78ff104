import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS, partnershipStatus, thresholdProblems } from '../../../server/src/domain/partnerships/status.js';
import { defaultFrom, resolvePeriod } from '../../../server/src/domain/partnerships/period.js';

const withFocal = (days: number | null) =>
  partnershipStatus({ hasCurrentFocalPoint: true, daysSinceLastContact: days }, DEFAULT_THRESHOLDS);

describe('partnershipStatus', () => {
  it('is active up to and including activeDays', () => {
    expect(withFocal(0)).toBe('active');
    expect(withFocal(90)).toBe('active');
  });

  it('is cooling after activeDays up to and including coolingDays', () => {
    expect(withFocal(91)).toBe('cooling');
    expect(withFocal(180)).toBe('cooling');
  });

  it('is dormant after coolingDays or when never in contact', () => {
    expect(withFocal(181)).toBe('dormant');
    expect(withFocal(null)).toBe('dormant');
  });

  it('is vacant without a current focal point, whatever the contact', () => {
    for (const days of [0, 100, 1000, null]) {
      expect(partnershipStatus({ hasCurrentFocalPoint: false, daysSinceLastContact: days }, DEFAULT_THRESHOLDS)).toBe('vacant');
    }
  });

  it('follows other thresholds', () => {
    const t = { activeDays: 30, coolingDays: 60 };
    expect(partnershipStatus({ hasCurrentFocalPoint: true, daysSinceLastContact: 31 }, t)).toBe('cooling');
    expect(partnershipStatus({ hasCurrentFocalPoint: true, daysSinceLastContact: 61 }, t)).toBe('dormant');
  });
});

describe('thresholdProblems', () => {
  it('accepts whole days in order', () => {
    expect(thresholdProblems({ activeDays: 90, coolingDays: 180 })).toEqual([]);
  });

  it('names the field that is out of range or out of order', () => {
    expect(thresholdProblems({ activeDays: 0, coolingDays: 10 }).map((p) => p.field)).toEqual(['activeDays']);
    expect(thresholdProblems({ activeDays: 10, coolingDays: 1.5 }).map((p) => p.field)).toEqual(['coolingDays']);
    expect(thresholdProblems({ activeDays: 10, coolingDays: 10 }).map((p) => p.field)).toEqual(['coolingDays']);
    expect(thresholdProblems({ activeDays: 10, coolingDays: 4000 }).map((p) => p.field)).toEqual(['coolingDays']);
  });
});

describe('resolvePeriod', () => {
  it("defaults to twelve whole months ending with today's month", () => {
    expect(resolvePeriod('2026-11-29', undefined, undefined)).toEqual({ period: { from: '2025-12-01', to: '2026-11-29' } });
    expect(defaultFrom('2026-01-31')).toBe('2025-02-01');
  });

  it('takes the default for the missing end only', () => {
    expect(resolvePeriod('2026-11-29', '2026-01-01', undefined)).toEqual({ period: { from: '2026-01-01', to: '2026-11-29' } });
    expect(resolvePeriod('2026-11-29', undefined, '2025-06-15')).toEqual({ period: { from: '2024-07-01', to: '2025-06-15' } });
  });

  it('refuses a reversed or overlong period on from', () => {
    expect(resolvePeriod('2026-11-29', '2026-02-01', '2026-01-31')).toMatchObject({ problem: { field: 'from' } });
    expect(resolvePeriod('2026-11-29', '2016-11-28', '2026-11-29')).toMatchObject({ problem: { field: 'from' } });
    expect(resolvePeriod('2026-11-29', '2016-11-29', '2026-11-29')).toHaveProperty('period');
  });
});
