import { localeTag } from '../format/display-format.js';
import type { MessageLanguage } from './vocabulary.js';

/*
 * An event's date and time as an invitee reads them: Baghdad time, Iraqi month names in Arabic ("كانون الأول"),
 * Western digits like the rest of the app. Pure (Intl only): the server renders messages with it and the public reply
 * page shows the same words.
 */
// Messages leave the app for phones we do not know: Western digits, the app's default (display-format.ts).
const LOCALES: Record<MessageLanguage, string> = {
  ar: localeTag({ language: 'ar', digits: 'western' }),
  en: localeTag({ language: 'en', digits: 'western' }),
};
const ZONE = 'Asia/Baghdad';

export function eventDate(startsAt: Date, language: MessageLanguage): string {
  return new Intl.DateTimeFormat(LOCALES[language], {
    timeZone: ZONE,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(startsAt);
}

export function eventTime(startsAt: Date, endsAt: Date, language: MessageLanguage): string {
  const format = new Intl.DateTimeFormat(LOCALES[language], { timeZone: ZONE, hour: 'numeric', minute: '2-digit', hour12: true });
  return `${format.format(startsAt)} – ${format.format(endsAt)}`;
}
