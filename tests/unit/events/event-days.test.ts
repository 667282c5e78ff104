import { describe, expect, it } from 'vitest';
import { baghdadDate, eventDays, isOnEventDay } from '../../../server/src/domain/events/event-days.js';

describe('event days, Baghdad time (issue 14, item 8)', () => {
  it('reads instants as Baghdad calendar dates (UTC+3)', () => {
    expect(baghdadDate('2026-06-09T20:59:59Z')).toBe('2026-06-09');
    expect(baghdadDate('2026-06-09T21:00:00Z')).toBe('2026-06-10');
    expect(baghdadDate(new Date('2026-12-31T22:30:00Z'))).toBe('2027-01-01');
  });

  it('takes every day from the start to the end, inclusive', () => {
    const starts = '2026-06-10T06:00:00Z';
    const ends = '2026-06-11T14:00:00Z';
    expect(eventDays(starts, ends)).toEqual({ first: '2026-06-10', last: '2026-06-11' });
    expect(isOnEventDay('2026-06-09T21:30:00Z', starts, ends)).toBe(true); // 00:30 on the first day in Baghdad
    expect(isOnEventDay('2026-06-11T20:59:00Z', starts, ends)).toBe(true); // 23:59 on the last day
    expect(isOnEventDay('2026-06-11T21:00:00Z', starts, ends)).toBe(false); // midnight after
    expect(isOnEventDay('2026-06-09T20:00:00Z', starts, ends)).toBe(false); // the evening before
    expect(isOnEventDay('2026-05-20T09:00:00Z', starts, ends)).toBe(false); // weeks before
  });

  it('counts an evening event that ends after midnight UTC by Baghdad days', () => {
    // 20:00–23:30 Baghdad on 10 June is 17:00–20:30 UTC: one day.
    expect(eventDays('2026-06-10T17:00:00Z', '2026-06-10T20:30:00Z')).toEqual({ first: '2026-06-10', last: '2026-06-10' });
  });
});
