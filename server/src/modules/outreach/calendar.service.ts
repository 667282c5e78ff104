import type { Db } from '../../db/database.js';
import { valueSeparator } from '../../domain/format/list-format.js';
import { GOVERNORATES, governorateNameIn } from '../../domain/governorates.js';
import type { Language } from '../../domain/language.js';
import { loadEvent } from '../events/event-access.js';
import type { EventRow } from '../events/events.repository.js';
import { buildCalendarFile, baghdadWallTime, organizerOf } from './calendar-file.js';
import { scheduleSequence } from './calendar.repository.js';
import { resolveReplyToken } from './reply-token.service.js';
import { replyUrl } from './reply-link-tokens.js';

/** What every calendar file of this server shares: the UID's domain and the organiser (MAIL_FROM). */
export interface CalendarContext {
  uidDomain: string;
  mailFrom: string | null;
}

export interface CalendarFile {
  /** ASCII name for old clients, e.g. event-2027-03-10.ics */
  fallbackName: string;
  /** The event's title, for clients that read filename*. */
  name: string;
  body: string;
}

const REPLY_LINE: Record<Language, string> = {
  ar: 'للرد على الدعوة:',
  en: 'To reply to the invitation:',
  ku: 'بۆ وەڵامدانەوەی بانگهێشتەکە:',
};

/** The same UID for every file of one event, whichever instance or address served it. */
export const calendarUid = (eventId: string, ctx: CalendarContext) => `event-${eventId}@${ctx.uidDomain}`;

function locationOf(event: EventRow, language: Language): string | null {
  const g = GOVERNORATES.find((x) => x.code === event.governorate_code);
  const governorate = g ? governorateNameIn(g, language) : null;
  return [event.venue, governorate].filter(Boolean).join(valueSeparator(language)) || null;
}

/** The calendar file of an event at this SEQUENCE; with a reply link, the description ends with it. */
export function calendarFileOf(
  event: EventRow,
  sequence: number,
  ctx: CalendarContext,
  language: Language,
  link: string | null,
): CalendarFile {
  const description = [event.description, link ? `${REPLY_LINE[language]} ${link}` : null].filter(Boolean).join('\n\n') || null;
  const body = buildCalendarFile({
    uid: calendarUid(event.id, ctx),
    sequence,
    title: event.title,
    startsAt: event.starts_at,
    endsAt: event.ends_at,
    location: locationOf(event, language),
    description,
    replyUrl: link,
    organizer: organizerOf(ctx.mailFrom),
  });
  const name = `${event.title.replace(/[\\/:*?"<>|\r\n]+/g, ' ').trim() || 'event'}.ics`;
  return { fallbackName: `event-${baghdadWallTime(event.starts_at).slice(0, 10)}.ics`, name, body };
}

/** Staff and viewers: any signed-in role may add an event to their own calendar (events are visible to all). */
export async function staffCalendarFile(db: Db, eventId: string, ctx: CalendarContext, language: Language) {
  const event = await loadEvent(db, eventId);
  return calendarFileOf(event, await scheduleSequence(db, eventId), ctx, language, null);
}

/** The invitee's own file from their reply link: 404/410 like the reply page; carries their link. */
export async function publicCalendarFile(db: Db, token: string, ctx: CalendarContext, origin: string) {
  const { event } = await resolveReplyToken(db, token);
  return calendarFileOf(event, await scheduleSequence(db, event.id), ctx, 'ar', replyUrl(origin, token));
}
