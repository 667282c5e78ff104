import type { Db } from '../../db/database.js';
import type { Actor } from '../auth/actor.js';
import { eventDays, baghdadDate, isOnEventDay, OUTSIDE_EVENT_DAYS } from '../../domain/events/event-days.js';
import { conflict } from '../../errors.js';
import { assertEventWriter, loadEvent } from './event-access.js';
import type { EventRow } from './events.repository.js';
import { updateInvitation } from './invitations.service.js';
import type { InvitationDto } from './invitations.schemas.js';

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

/** Check-in at the door: the invitation becomes attended, on the event's day(s) or when confirmed. */
export async function checkIn(
  db: Db,
  actor: Actor,
  eventId: string,
  invitationId: string,
  input: { version: number },
  confirmOutsideEventDays: boolean,
): Promise<InvitationDto> {
  assertEventWriter(actor);
  assertOnEventDay(await loadEvent(db, eventId), confirmOutsideEventDays);
  return updateInvitation(db, actor, eventId, invitationId, { version: input.version, status: 'attended' });
}
