import ical, { ICalCalendarMethod } from 'ical-generator';

/**
 * The .ics of an event. Times are written in Asia/Baghdad with its VTIMEZONE, so a calendar shows them as the
 * invitation says them ("10:00 Baghdad") wherever the reader is. The UID stays the same for an event and SEQUENCE
 * rises with each change of time, so importing the file again moves the entry instead of adding a second one.
 *
 * METHOD:PUBLISH, not REQUEST: REQUEST makes mail clients offer accept/decline buttons that mail a reply to the
 * organiser's mailbox, where nothing reads it; the answer belongs on the personal reply link, which the description
 * carries. PUBLISH just puts the event in the calendar (and updates it when a higher SEQUENCE arrives).
 */

export const CALENDAR_TIME_ZONE = 'Asia/Baghdad';

// Iraq has kept UTC+03:00 all year since it dropped summer time in 2008; one STANDARD block says so.
const BAGHDAD_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Asia/Baghdad',
  'BEGIN:STANDARD',
  'DTSTART:20080401T040000',
  'TZOFFSETFROM:+0400',
  'TZOFFSETTO:+0300',
  'TZNAME:+03',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

const BAGHDAD_OFFSET_MS = 3 * 60 * 60 * 1000;

/**
 * Baghdad wall-clock time without an offset ("2027-03-10T09:00:00"). ical-generator writes a zoned time from a
 * Date's local fields, which would be the server's zone; a string without offset is read back as that same wall time.
 */
export function baghdadWallTime(at: Date): string {
  return new Date(at.getTime() + BAGHDAD_OFFSET_MS).toISOString().slice(0, 19);
}

export interface CalendarEventInput {
  uid: string;
  sequence: number;
  title: string;
  startsAt: Date;
  endsAt: Date;
  location: string | null;
  description: string | null;
  /** The reply page, also given as the event's URL. */
  replyUrl: string | null;
  organizer: { name: string; email: string } | null;
  /** DTSTAMP; fixed in tests. */
  now?: Date;
}

export function buildCalendarFile(input: CalendarEventInput): string {
  const calendar = ical({
    prodId: { company: 'Stakeholder directory', product: 'events', language: 'AR' },
    method: ICalCalendarMethod.PUBLISH,
    // No calendar-wide zone (it would write DTSTAMP without its Z); the generator adds the event's VTIMEZONE.
    timezone: { name: null, generator: (zone) => (zone === CALENDAR_TIME_ZONE ? BAGHDAD_VTIMEZONE : null) },
  });
  calendar.createEvent({
    id: input.uid,
    sequence: input.sequence,
    stamp: input.now ?? new Date(),
    start: baghdadWallTime(input.startsAt),
    end: baghdadWallTime(input.endsAt),
    timezone: CALENDAR_TIME_ZONE,
    summary: input.title,
    location: input.location,
    description: input.description,
    url: input.replyUrl,
    organizer: input.organizer,
  });
  return calendar.toString();
}

/** "Name <a@b.org>" → {name, email}; a bare address is its own name. */
export function organizerOf(mailFrom: string | null): { name: string; email: string } | null {
  if (!mailFrom) return null;
  const angle = /^(.*)<([^<>]+)>$/.exec(mailFrom);
  const email = (angle ? angle[2] : mailFrom).trim();
  const name = angle?.[1].trim().replace(/^"|"$/g, '') || email;
  return { name, email };
}
