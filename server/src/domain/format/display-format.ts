/**
 * One rule for numbers and dates wherever people read them (issue 14, item 11): pages, print views and the human
 * columns of exports. Arabic uses the Iraqi month names (كانون الثاني … كانون الأول, as ar-IQ gives them), Kurdish
 * their Sorani counterparts (کانوونی دووەم … کانوونی یەکەم, kurdish-calendar.ts); digits are Western by default, or
 * Arabic-Indic (٠١٢٣) when the user chooses so. Pure (Intl only): the web and the server share it.
 */
import type { Language } from '../language.js';
import {
  calendarParts,
  kurdishDate,
  kurdishDateTime,
  kurdishShortDay,
  kurdishTime,
  KURDISH_MONTHS,
  type CalendarParts,
} from './kurdish-calendar.js';

export type DisplayLanguage = Language;
export const DIGIT_STYLES = ['western', 'arabic'] as const;
export type DigitStyle = (typeof DIGIT_STYLES)[number];

export interface DisplayStyle {
  language: DisplayLanguage;
  digits: DigitStyle;
  /** An IANA zone; absent = the reader's own (the browser's). */
  timeZone?: string;
}

/**
 * The BCP 47 tag for numbers and for the Arabic and English dates: ar-IQ with its numbering system made explicit, or
 * British English (day before month). Kurdish numbers use the Arabic tag on purpose: Sorani writes the same digits
 * and separators (٬ ٫ with Arabic-Indic digits), and every ICU build has ar-IQ, while `ckb` may be missing; Kurdish
 * dates never go through it (kurdish-calendar.ts).
 */
export function localeTag({ language, digits }: DisplayStyle): string {
  if (language === 'en') return digits === 'arabic' ? 'en-GB-u-nu-arab' : 'en-GB';
  return digits === 'arabic' ? 'ar-IQ-u-nu-arab' : 'ar-IQ-u-nu-latn';
}

// Intl formatters are costly to build and lists format thousands of cells: one per style and options.
const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function formatter<T extends Intl.DateTimeFormat | Intl.NumberFormat>(
  kind: 'date' | 'number',
  style: DisplayStyle,
  options: object,
  make: (tag: string) => T,
): T {
  const key = `${kind}|${localeTag(style)}|${style.timeZone ?? ''}|${JSON.stringify(options)}`;
  let found = cache.get(key) as T | undefined;
  if (!found) {
    found = make(localeTag(style));
    cache.set(key, found);
  }
  return found;
}

const dates = (style: DisplayStyle, options: Intl.DateTimeFormatOptions) =>
  formatter(
    'date',
    style,
    options,
    (tag) => new Intl.DateTimeFormat(tag, { ...options, ...(style.timeZone ? { timeZone: style.timeZone } : {}) }),
  );

export function formatNumber(value: number, style: DisplayStyle, options: Intl.NumberFormatOptions = {}): string {
  return formatter('number', style, options, (tag) => new Intl.NumberFormat(tag, options)).format(value);
}

// ar-IQ's "medium" date is all digits (15/01/2027); Arabic readers get the month's name instead.
const DAY: Record<'ar' | 'en', Intl.DateTimeFormatOptions> = {
  ar: { day: 'numeric', month: 'long', year: 'numeric' },
  en: { dateStyle: 'medium' },
};
const DAY_TIME: Record<'ar' | 'en', Intl.DateTimeFormatOptions> = {
  ar: { ...DAY.ar, hour: 'numeric', minute: '2-digit' },
  en: { dateStyle: 'medium', timeStyle: 'short' },
};

/** A Kurdish date's numbers in the reader's digits; years and days are never grouped ("2027", not "2,027"). */
const kurdishDigits =
  (style: DisplayStyle) =>
  (n: number, minimumDigits = 1) =>
    formatNumber(n, style, { useGrouping: false, minimumIntegerDigits: minimumDigits });

/** An instant in Kurdish, or in Arabic/English through Intl. */
function instant(
  iso: string | Date,
  style: DisplayStyle,
  kurdish: (p: CalendarParts, digits: ReturnType<typeof kurdishDigits>) => string,
  options: (language: 'ar' | 'en') => Intl.DateTimeFormatOptions,
): string {
  const at = new Date(iso);
  if (style.language === 'ku') return kurdish(calendarParts(at, style.timeZone), kurdishDigits(style));
  return dates(style, options(style.language)).format(at);
}

/** "3 Dec 2026, 14:17" / "3 كانون الأول 2026 في 2:17 م" / "3ی کانوونی یەکەمی 2026، 14:17". */
export const formatDateTime = (iso: string | Date, style: DisplayStyle) => instant(iso, style, kurdishDateTime, (l) => DAY_TIME[l]);

/** An instant's calendar day in the reader's zone: "3 Dec 2026" / "3 كانون الأول 2026" / "3ی کانوونی یەکەمی 2026". */
export const formatDate = (iso: string | Date, style: DisplayStyle) => instant(iso, style, kurdishDate, (l) => DAY[l]);

/** Day and month only, for a date that is recent: "2 Dec" / "2 كانون الأول" / "2ی کانوونی یەکەم". */
export const formatShortDay = (iso: string | Date, style: DisplayStyle) =>
  instant(iso, style, kurdishShortDay, () => ({ day: 'numeric', month: 'short' }));

export const formatTime = (iso: string | Date, style: DisplayStyle) => instant(iso, style, kurdishTime, () => ({ timeStyle: 'short' }));

/** A stored YYYY-MM-DD day, read as that day wherever the reader is (never shifted by a zone). */
export function formatDay(day: string, style: DisplayStyle): string {
  const [y, m, d] = day.split('-').map(Number);
  return formatDate(new Date(Date.UTC(y, m - 1, d)), { ...style, timeZone: 'UTC' });
}

/** A YYYY-MM month's short name for a chart axis: "Nov" / "تشرين الثاني" / "تشرینی دووەم". */
export function formatMonth(month: string, style: DisplayStyle): string {
  const [y, m] = month.split('-').map(Number);
  if (style.language === 'ku') return KURDISH_MONTHS[m - 1];
  return dates({ ...style, timeZone: 'UTC' }, { month: 'short' }).format(new Date(Date.UTC(y, m - 1, 1)));
}

/** "12 Dec 2026, 09:00–13:00", or both full dates when the range spans days (in the style's zone). */
export function formatRange(startsAt: string | Date, endsAt: string | Date, style: DisplayStyle): string {
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  const day = dates({ ...style, language: 'en' }, { year: 'numeric', month: '2-digit', day: '2-digit' });
  const sameDay = day.format(start) === day.format(end);
  return sameDay
    ? `${formatDateTime(start, style)}–${formatTime(end, style)}`
    : `${formatDateTime(start, style)} – ${formatDateTime(end, style)}`;
}
