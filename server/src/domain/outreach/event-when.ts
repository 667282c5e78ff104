import { formatNumber, localeTag } from '../format/display-format.js';
import { calendarParts, kurdishLongDate, kurdishTime } from '../format/kurdish-calendar.js';
import type { Language } from '../language.js';

/*
 * An event's date and time as an invitee reads them: Baghdad time, Iraqi month names in Arabic ("كانون الأول"),
 * their Sorani counterparts in Kurdish ("کانوونی یەکەم"), Western digits like the rest of the app. Pure (Intl only):
 * the server renders messages with it and the public reply page shows the same words.
 */
// Messages leave the app for phones we do not know: Western digits, the app's default (display-format.ts).
const STYLES = {
  ar: { language: 'ar', digits: 'western' },
  en: { language: 'en', digits: 'western' },
  ku: { language: 'ku', digits: 'western' },
} as const;
const ZONE = 'Asia/Baghdad';

const kurdishDigits = (n: number, minimumDigits = 1) =>
  formatNumber(n, STYLES.ku, { useGrouping: false, minimumIntegerDigits: minimumDigits });

export function eventDate(startsAt: Date, language: Language): string {
  if (language === 'ku') return kurdishLongDate(calendarParts(startsAt, ZONE), kurdishDigits);
  return new Intl.DateTimeFormat(localeTag(STYLES[language]), {
    timeZone: ZONE,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(startsAt);
}

export function eventTime(startsAt: Date, endsAt: Date, language: Language): string {
  if (language === 'ku') {
    const time = (at: Date) => kurdishTime(calendarParts(at, ZONE), kurdishDigits);
    return `${time(startsAt)} – ${time(endsAt)}`;
  }
  const format = new Intl.DateTimeFormat(localeTag(STYLES[language]), { timeZone: ZONE, hour: 'numeric', minute: '2-digit', hour12: true });
  return `${format.format(startsAt)} – ${format.format(endsAt)}`;
}
