/**
 * The calendar days an event takes place on, in Baghdad time (the programme's events are in Iraq), for check-in:
 * arrivals recorded on another day are most likely a mistake (issue 14, item 8). Pure: shared by server and web.
 */

export const EVENT_TIME_ZONE = 'Asia/Baghdad';

const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: EVENT_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date (YYYY-MM-DD) of an instant in Baghdad. */
export function baghdadDate(instant: Date | string): string {
  const parts = dayFormat.formatToParts(typeof instant === 'string' ? new Date(instant) : instant);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** First and last day of the event (inclusive), Baghdad calendar dates. */
export function eventDays(startsAt: Date | string, endsAt: Date | string): { first: string; last: string } {
  return { first: baghdadDate(startsAt), last: baghdadDate(endsAt) };
}

/** Whether `now` falls on one of the event's days, Baghdad time. */
export function isOnEventDay(now: Date | string, startsAt: Date | string, endsAt: Date | string): boolean {
  const today = baghdadDate(now);
  const { first, last } = eventDays(startsAt, endsAt);
  return today >= first && today <= last;
}

/** The problem code of a check-in or walk-in outside the event's days that was not confirmed. */
export const OUTSIDE_EVENT_DAYS = 'OUTSIDE_EVENT_DAYS';
