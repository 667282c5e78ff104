import type { Db } from '../../db/database.js';
import type { Actor } from '../../access/actor.js';
import { isContactVisible } from '../../access/actor-access.js';
import {
  CHECK_IN_CODE_OTHER_EVENT,
  CHECK_IN_CODE_UNKNOWN,
  INVITATION_CANCELLED,
  isWellFormedCheckInCode,
  normaliseCheckInCode,
} from '../../domain/events/check-in-code.js';
import { AppError } from '../../errors.js';
import { checkIn } from './check-in.service.js';
import { assertEventWriter, loadEvent } from './event-access.js';
import { groupsOf } from './groups.repository.js';
import { toInvitationDtos } from './invitation-dto.js';
import * as repo from './invitations.repository.js';
import type { ScanInput, ScanResultDto } from './check-in-scan.schemas.js';
import type { InvitationDto } from './invitations.schemas.js';

const currentDto = async (db: Db, actor: Actor, eventId: string, id: string) =>
  (await toInvitationDtos(db, actor, await repo.findInvitations(db, eventId, [id])))[0];

const unknownCode = () => new AppError(404, CHECK_IN_CODE_UNKNOWN, 'No invitation has this check-in code');

/**
 * A badge's QR code (or its code typed in) at the door: the invitation is checked in through the same path as the
 * check-in button (event days, transitions, version, audit). A code the caller may not reach (another governorate's
 * contact) answers like an unknown one, so scanning cannot be used to probe for people outside one's scope.
 */
export async function scanCheckInCode(db: Db, actor: Actor, eventId: string, input: ScanInput): Promise<ScanResultDto> {
  assertEventWriter(actor);
  await loadEvent(db, eventId);
  const code = normaliseCheckInCode(input.code);
  const found = isWellFormedCheckInCode(code) ? await repo.findByCheckInCode(db, code) : undefined;
  if (!found || !isContactVisible(actor, found.governorates)) throw unknownCode();
  if (found.event_id !== eventId) {
    // Every signed-in user may see every event, so the other event's title can be named to help at the door.
    throw new AppError(409, CHECK_IN_CODE_OTHER_EVENT, `This code is for another event: ${found.event_title}`, [
      { field: 'code', code: 'other_event', message: found.event_title },
    ]);
  }
  if (found.status === 'cancelled' || found.status === 'declined') {
    throw new AppError(
      409,
      INVITATION_CANCELLED,
      `This invitation is ${found.status}; if the person is welcome after all, change the status on the list first`,
      [{ field: 'code', code: found.status, message: found.status }],
    );
  }
  let already = found.status === 'attended';
  let invitation: InvitationDto;
  if (already) {
    invitation = await currentDto(db, actor, eventId, found.id);
  } else {
    try {
      invitation = await checkIn(db, actor, eventId, found.id, { version: found.version }, input.confirmOutsideEventDays === true);
    } catch (error) {
      // Two doors scanning the same badge at once: the second finds the first's check-in, which is not an error.
      if (!(error instanceof AppError && error.code === 'CONFLICT')) throw error;
      invitation = await currentDto(db, actor, eventId, found.id);
      if (invitation.status !== 'attended') throw error;
      already = true;
    }
  }
  const [group] = invitation.groupId ? await groupsOf(db, eventId, [invitation.groupId]) : [];
  return {
    result: already ? 'already_checked_in' : 'checked_in',
    invitation,
    group: group ? { id: group.id, name: group.name } : null,
  };
}
