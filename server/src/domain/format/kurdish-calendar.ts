/**
 * Dates in Sorani Kurdish, written out by us rather than by ICU (issue 16, item 1). The browsers' and Node's ICU
 * differ on Central Kurdish (`ckb`): Node 20 has it, Chromium 156 has no `ckb` date or number data and writes
 * "Thursday, July 15, 2027"; and CLDR's month names are spelt differently from the ones in use in the Kurdistan Region (تەمووز for
 * تەممووز, ھ for ه). The names are the Iraqi (Syriac-derived) months, as Kurdish media and government write them,
 * the counterparts of the Arabic كانون الثاني … كانون الأول; the pattern follows CLDR's `ckb` long date: the day
 * and the month take the izafe ی before what follows ("15ی ئازاری 2027").
 */
export const KURDISH_MONTHS = [
  'کانوونی دووەم',
  'شوبات',
  'ئازار',
  'نیسان',
  'ئایار',
  'حوزەیران',
  'تەممووز',
  'ئاب',
  'ئەیلوول',
  'تشرینی یەکەم',
  'تشرینی دووەم',
  'کانوونی یەکەم',
] as const;

/** Sunday first, as Date.getUTCDay counts. */
export const KURDISH_WEEKDAYS = ['یەکشەممە', 'دووشەممە', 'سێشەممە', 'چوارشەممە', 'پێنجشەممە', 'هەینی', 'شەممە'] as const;

export interface CalendarParts {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  /** 0 = Sunday */
  weekday: number;
  hour: number;
  minute: number;
}

// Only numbers are taken from ICU, in a locale every ICU build has; the zone still comes from Intl.
const partsCache = new Map<string, Intl.DateTimeFormat>();
const WEEKDAY_INDEX: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

/** The calendar day, weekday and 24-hour time of an instant in a zone (absent = the reader's own). */
export function calendarParts(at: Date, timeZone: string | undefined): CalendarParts {
  const key = timeZone ?? '';
  let format = partsCache.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      weekday: 'short',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
      ...(timeZone ? { timeZone } : {}),
    });
    partsCache.set(key, format);
  }
  const parts = Object.fromEntries(format.formatToParts(at).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    weekday: WEEKDAY_INDEX[parts.weekday],
    hour: Number(parts.hour),
    minute: Number(parts.minute),
  };
}

type Digits = (n: number, minimumDigits?: number) => string;

/** "15ی کانوونی دووەمی 2027" */
export const kurdishDate = (p: CalendarParts, digits: Digits) => `${digits(p.day)}ی ${KURDISH_MONTHS[p.month - 1]}ی ${digits(p.year)}`;

/** "15ی کانوونی دووەم": a recent day, without its year. */
export const kurdishShortDay = (p: CalendarParts, digits: Digits) => `${digits(p.day)}ی ${KURDISH_MONTHS[p.month - 1]}`;

/**
 * "14:05": the 24-hour clock, as Kurdish timetables and forms write it, rather than CLDR's unreviewed
 * before/after-noon abbreviations.
 */
export const kurdishTime = (p: CalendarParts, digits: Digits) => `${digits(p.hour, 2)}:${digits(p.minute, 2)}`;

/** "15ی کانوونی دووەمی 2027، 14:05" */
export const kurdishDateTime = (p: CalendarParts, digits: Digits) => `${kurdishDate(p, digits)}، ${kurdishTime(p, digits)}`;

/** "هەینی، 15ی کانوونی دووەمی 2027": an invitation's day. */
export const kurdishLongDate = (p: CalendarParts, digits: Digits) => `${KURDISH_WEEKDAYS[p.weekday]}، ${kurdishDate(p, digits)}`;
