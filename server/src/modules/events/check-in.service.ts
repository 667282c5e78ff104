import type { Db } from '../../db/database.js';
import type { Actor } from '../../access/actor.js';
import { assertEventWriter } from './event-access.js';
import { updateInvitation } from './invitations.service.js';
import type { InvitationDto } from './invitations.schemas.js';

/** Check-in at the door: the invitation becomes attended, on the event's day(s) or when confirmed (see assertOnEventDay). */
export async function checkIn(
  db: Db,
  actor: Actor,
  eventId: string,
  invitationId: string,
  input: { version: number },
  confirmOutsideEventDays: boolean,
): Promise<InvitationDto> {
  assertEventWriter(actor);
  return updateInvitation(db, actor, eventId, invitationId, { version: input.version, status: 'attended' }, confirmOutsideEventDays);
}
