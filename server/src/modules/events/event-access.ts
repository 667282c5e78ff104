import type { Db } from '../../db/database.js';
import type { Actor } from '../../access/actor.js';
import { conflict, forbidden, notFound } from '../../errors.js';
import { eventDays, baghdadDate, isOnEventDay, OUTSIDE_EVENT_DAYS } from '../../domain/events/event-days.js';
import { canManageEvents } from '../../domain/events/vocabulary.js';
import { findEvent, type EventRow } from './events.repository.js';

export function assertEventWriter(actor: Actor) {
  if (!canManageEvents(actor.role)) throw forbidden('Your role can read events but not change them');
}

/** Events are visible to every signed-in user; `lock` serialises writes to one event's list. */
export async function loadEvent(db: Db, id: string, lock: 'update' | 'share' | null = null): Promise<EventRow> {
  const row = await findEvent(db, id, lock);
  if (!row) throw notFound('Event');
  return row;
}

/**
 * Arrivals are recorded on the event's day(s), Baghdad time. On any other day a check-in or a walk-in is most
 * likely a slip (the check-in page opened weeks early), so it is refused with 409 OUTSIDE_EVENT_DAYS unless the
 * caller confirms it (`confirmOutsideEventDays=true`, e.g. typing in a paper sheet the day after).
 */
export function assertOnEventDay(event: Pick<EventRow, 'starts_at' | 'ends_at'>, confirmed: boolean, now = new Date()) {
  if (confirmed || isOnEventDay(now, event.starts_at, event.ends_at)) return;
  const { first, last } = eventDays(event.starts_at, event.ends_at);
  const days = first === last ? first : `${first} to ${last}`;
  throw conflict(
    OUTSIDE_EVENT_DAYS,
    `Today (${baghdadDate(now)}, Baghdad time) is not a day of this event (${days}); confirm to record the arrival anyway`,
  );
}
