/**
 * One rule for numbers and dates wherever people read them (issue 14, item 11): pages, print views and the human
 * columns of exports. Arabic uses the Iraqi month names (كانون الثاني … كانون الأول, as ar-IQ gives them); digits are
 * Western by default, or Arabic-Indic (٠١٢٣) when the user chooses so. Pure (Intl only): the web and the server share it.
 */
export const DISPLAY_LANGUAGES = ['ar', 'en'] as const;
export type DisplayLanguage = (typeof DISPLAY_LANGUAGES)[number];
export const DIGIT_STYLES = ['western', 'arabic'] as const;
export type DigitStyle = (typeof DIGIT_STYLES)[number];

export interface DisplayStyle {
  language: DisplayLanguage;
  digits: DigitStyle;
  /** An IANA zone; absent = the reader's own (the browser's). */
  timeZone?: string;
}

/** The BCP 47 tag: ar-IQ with its numbering system made explicit, or British English (day before month). */
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
const DAY: Record<DisplayLanguage, Intl.DateTimeFormatOptions> = {
  ar: { day: 'numeric', month: 'long', year: 'numeric' },
  en: { dateStyle: 'medium' },
};
const DAY_TIME: Record<DisplayLanguage, Intl.DateTimeFormatOptions> = {
  ar: { ...DAY.ar, hour: 'numeric', minute: '2-digit' },
  en: { dateStyle: 'medium', timeStyle: 'short' },
};

/** "3 Dec 2026, 14:17" / "3 كانون الأول 2026 في 2:17 م". */
export const formatDateTime = (iso: string | Date, style: DisplayStyle) => dates(style, DAY_TIME[style.language]).format(new Date(iso));

/** An instant's calendar day in the reader's zone: "3 Dec 2026" / "3 كانون الأول 2026". */
export const formatDate = (iso: string | Date, style: DisplayStyle) => dates(style, DAY[style.language]).format(new Date(iso));

/** Day and month only, for a date that is recent: "2 Dec" / "2 كانون الأول". */
export const formatShortDay = (iso: string | Date, style: DisplayStyle) =>
  dates(style, { day: 'numeric', month: 'short' }).format(new Date(iso));

export const formatTime = (iso: string | Date, style: DisplayStyle) => dates(style, { timeStyle: 'short' }).format(new Date(iso));

/** A stored YYYY-MM-DD day, read as that day wherever the reader is (never shifted by a zone). */
export function formatDay(day: string, style: DisplayStyle): string {
  const [y, m, d] = day.split('-').map(Number);
  return dates({ ...style, timeZone: 'UTC' }, DAY[style.language]).format(new Date(Date.UTC(y, m - 1, d)));
}

/** A YYYY-MM month's short name for a chart axis: "Nov" / "تشرين الثاني". */
export function formatMonth(month: string, style: DisplayStyle): string {
  const [y, m] = month.split('-').map(Number);
  return dates({ ...style, timeZone: 'UTC' }, { month: 'short' }).format(new Date(Date.UTC(y, m - 1, 1)));
}

/** "12 Dec 2026, 09:00–13:00", or both full dates when the range spans days (in the style's zone). */
export function formatRange(startsAt: string | Date, endsAt: string | Date, style: DisplayStyle): string {
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  const day = dates(style, { year: 'numeric', month: '2-digit', day: '2-digit' });
  const sameDay = day.format(start) === day.format(end);
  return sameDay
    ? `${formatDateTime(start, style)}–${formatTime(end, style)}`
    : `${formatDateTime(start, style)} – ${formatDateTime(end, style)}`;
}
