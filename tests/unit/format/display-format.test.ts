import { describe, expect, it } from 'vitest';
import {
  formatDateTime,
  formatDay,
  formatMonth,
  formatNumber,
  formatRange,
  localeTag,
} from '../../../server/src/domain/format/display-format.js';

const western = { language: 'ar', digits: 'western', timeZone: 'Asia/Baghdad' } as const;
const indic = { language: 'ar', digits: 'arabic', timeZone: 'Asia/Baghdad' } as const;
const english = { language: 'en', digits: 'western', timeZone: 'Asia/Baghdad' } as const;

describe('one rule for numbers and dates', () => {
  it('uses Iraqi month names in Arabic, with the digits the user chose', () => {
    expect(formatDay('2027-01-15', western)).toContain('كانون الثاني');
    expect(formatDay('2027-12-15', western)).toContain('كانون الأول');
    expect(formatDay('2027-01-15', western)).toMatch(/15/);
    expect(formatDay('2027-01-15', indic)).toMatch(/١٥/);
    expect(formatDay('2027-01-15', indic)).not.toMatch(/[0-9]/);
    expect(formatDateTime('2027-03-10T06:00:00Z', western)).toMatch(/^[^٠-٩]*$/);
  });

  it('writes a stored day as that day in any zone', () => {
    expect(formatDay('2027-03-10', { ...english, timeZone: 'America/Los_Angeles' })).toBe('10 Mar 2027');
  });

  it('formats numbers, months and ranges with the same digits', () => {
    expect(formatNumber(12345, western)).toBe('12,345');
    expect(formatNumber(12345, indic)).toBe('١٢٬٣٤٥');
    expect(formatMonth('2026-11', western)).toBe('تشرين الثاني');
    expect(formatRange('2027-03-10T06:00:00Z', '2027-03-10T12:00:00Z', english)).toBe('10 Mar 2027, 09:00–15:00');
    expect(formatRange('2027-03-10T06:00:00Z', '2027-03-11T12:00:00Z', english)).toBe('10 Mar 2027, 09:00 – 11 Mar 2027, 15:00');
  });

  it('names the locale with its numbering system', () => {
    expect(localeTag(western)).toBe('ar-IQ-u-nu-latn');
    expect(localeTag(indic)).toBe('ar-IQ-u-nu-arab');
    expect(localeTag(english)).toBe('en-GB');
  });
});
