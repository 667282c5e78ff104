import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateTime,
  formatDay,
  formatMonth,
  formatNumber,
  formatRange,
  formatShortDay,
  formatTime,
} from '../../../server/src/domain/format/display-format.js';
import { KURDISH_MONTHS, KURDISH_WEEKDAYS } from '../../../server/src/domain/format/kurdish-calendar.js';
import { formatList, valueSeparator } from '../../../server/src/domain/format/list-format.js';
import { eventDate, eventTime } from '../../../server/src/domain/outreach/event-when.js';
import { LANGUAGE_TAGS, isLanguage, isRightToLeft } from '../../../server/src/domain/language.js';
import { formatMessage } from '../../../web/src/lib/i18n/message-format.js';

const western = { language: 'ku', digits: 'western', timeZone: 'Asia/Baghdad' } as const;
const indic = { language: 'ku', digits: 'arabic', timeZone: 'Asia/Baghdad' } as const;

/** Issue 16, item 1: dates, numbers, lists and counts in Sorani Kurdish, the same in Node and in any browser. */
describe('Kurdish dates', () => {
  it('uses the Sorani names of the Iraqi months, in order', () => {
    expect([1, 3, 7, 10, 12].map((m) => formatDay(`2027-${String(m).padStart(2, '0')}-15`, western))).toEqual([
      '15ی کانوونی دووەمی 2027',
      '15ی ئازاری 2027',
      '15ی تەممووزی 2027',
      '15ی تشرینی یەکەمی 2027',
      '15ی کانوونی یەکەمی 2027',
    ]);
    expect(KURDISH_MONTHS).toHaveLength(12);
    expect(formatMonth('2027-02', western)).toBe('شوبات');
    expect(formatMonth('2027-11', western)).toBe('تشرینی دووەم');
  });

  it('writes the digits the reader chose, years without grouping', () => {
    expect(formatDay('2027-01-05', indic)).toBe('٥ی کانوونی دووەمی ٢٠٢٧');
    expect(formatDay('2027-01-05', indic)).not.toMatch(/[0-9]/);
    expect(formatNumber(12345, western)).toBe('12,345');
    expect(formatNumber(12345, indic)).toBe('١٢٬٣٤٥');
  });

  it('reads an instant in the reader’s zone, with a 24-hour time', () => {
    // 21:30 UTC on 31 December is already 1 January in Baghdad (UTC+3).
    expect(formatDate('2026-12-31T21:30:00Z', western)).toBe('1ی کانوونی دووەمی 2027');
    expect(formatDateTime('2027-03-10T06:05:00Z', western)).toBe('10ی ئازاری 2027، 09:05');
    expect(formatDateTime('2027-03-10T06:05:00Z', indic)).toBe('١٠ی ئازاری ٢٠٢٧، ٠٩:٠٥');
    expect(formatTime('2027-03-10T21:00:00Z', western)).toBe('00:00');
    expect(formatShortDay('2027-04-02T09:00:00Z', western)).toBe('2ی نیسان');
    expect(formatRange('2027-03-10T06:00:00Z', '2027-03-10T10:00:00Z', western)).toBe('10ی ئازاری 2027، 09:00–13:00');
    expect(formatRange('2027-03-10T06:00:00Z', '2027-03-11T10:00:00Z', western)).toBe('10ی ئازاری 2027، 09:00 – 11ی ئازاری 2027، 13:00');
  });

  it('says an invitation’s day with its Kurdish weekday', () => {
    // Friday 15 January 2027, 10:00–12:00 in Baghdad.
    expect(eventDate(new Date('2027-01-15T07:00:00Z'), 'ku')).toBe('هەینی، 15ی کانوونی دووەمی 2027');
    expect(eventTime(new Date('2027-01-15T07:00:00Z'), new Date('2027-01-15T09:00:00Z'), 'ku')).toBe('10:00 – 12:00');
    expect(KURDISH_WEEKDAYS).toHaveLength(7);
    expect(eventDate(new Date('2027-01-17T07:00:00Z'), 'ku')).toMatch(/^یەکشەممە، /);
    expect(eventDate(new Date('2027-01-16T07:00:00Z'), 'ku')).toMatch(/^شەممە، /);
  });

  it('leaves Arabic and English dates as they were', () => {
    expect(formatDay('2027-01-15', { ...western, language: 'ar' })).toContain('كانون الثاني');
    expect(formatDay('2027-03-10', { ...western, language: 'en' })).toBe('10 Mar 2027');
  });
});

describe('Kurdish lists and counts', () => {
  it('joins lists with the Arabic comma and a separate و', () => {
    expect(formatList(['هەولێر', 'سلێمانی', 'دهۆک'], 'ku')).toBe('هەولێر، سلێمانی و دهۆک');
    expect(formatList(['هەولێر', 'سلێمانی'], 'ku', 'unit')).toBe('هەولێر، سلێمانی');
    expect(formatList(['هەولێر'], 'ku')).toBe('هەولێر');
    expect(formatList(['Erbil', 'Duhok', 'Halabja'], 'en')).toBe('Erbil, Duhok, and Halabja');
    expect(valueSeparator('ku')).toBe('، ');
  });

  it('agrees with the number: one for 1, other for the rest', () => {
    const message = '{n, plural, one {# چالاکی} other {# چالاکی}} · {n, plural, =0 {هیچ} one {یەک} other {زیاتر}}';
    expect(formatMessage(message, { n: 1 }, 'ku')).toBe('1 چالاکی · یەک');
    expect(formatMessage(message, { n: 0 }, 'ku')).toBe('0 چالاکی · هیچ');
    expect([2, 3, 11, 100].map((n) => formatMessage('{n, plural, one {one} other {other}}', { n }, 'ku'))).toEqual([
      'other',
      'other',
      'other',
      'other',
    ]);
  });

  it('isolates a Latin name in a Kurdish message, like in Arabic', () => {
    expect(formatMessage('سڵاو {name}', { name: 'Zainab' }, 'ku')).toBe('سڵاو \u2068Zainab\u2069');
  });
});

describe('the language list', () => {
  it('tags Kurdish as Central Kurdish and reads it right to left', () => {
    expect(LANGUAGE_TAGS.ku).toBe('ckb');
    expect(isRightToLeft('ku')).toBe(true);
    expect(isRightToLeft('en')).toBe(false);
    expect(isLanguage('ku')).toBe(true);
    expect(isLanguage('ckb')).toBe(false);
  });
});
