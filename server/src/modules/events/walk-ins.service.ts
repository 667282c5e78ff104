import type { Db } from '../../db/database.js';
import type { Actor } from '../../access/actor.js';
import { AppError, invalid } from '../../errors.js';
import { recordAudit } from '../audit/audit.repository.js';
import { loadVisibleRef } from '../../access/contact-access.js';
import { createContactWithin } from '../contacts/contacts.service.js';
import { assertEventWriter, assertOnEventDay, loadEvent } from './event-access.js';
import { toInvitationDtos } from './invitation-dto.js';
import * as repo from './invitations.repository.js';
import { takenPeople } from './invitations.service.js';
import { invitationExists } from './invitation-rules.js';
import type { InvitationDto, WalkInInput } from './invitations.schemas.js';

/**
 * A new contact through the contacts module's create path, inside the walk-in's transaction so the contact and the
 * invitation are saved together or not at all. Its field errors are named under `contact.`, as the request has them.
 */
async function createWalkInContact(trx: Db, actor: Actor, input: NonNullable<WalkInInput['contact']>): Promise<string> {
  try {
    return await createContactWithin(trx, actor, input, { walkIn: true });
  } catch (error) {
    if (error instanceof AppError && error.code === 'VALIDATION_FAILED') {
      throw invalid(error.fieldErrors.map((e) => ({ ...e, field: `contact.${e.field}` })));
    }
    throw error;
  }
}

export async function addWalkIn(
  db: Db,
  actor: Actor,
  eventId: string,
  input: WalkInInput,
  confirmOutsideEventDays = false,
): Promise<InvitationDto> {
  assertEventWriter(actor);
  if ((input.contactId === undefined) === (input.contact === undefined)) {
    throw invalid([{ field: 'contactId', code: 'one_of', message: 'give either contactId or contact' }]);
  }
  return db.transaction().execute(async (trx) => {
    const event = await loadEvent(trx, eventId, 'update');
    let contactId: string;
    if (input.contactId) {
      const ref = await loadVisibleRef(trx, actor, input.contactId, true);
      if ((await takenPeople(trx, eventId, [ref.id])).has(ref.id)) throw invitationExists([{ contactId: ref.id, name: ref.name }]);
      contactId = ref.id;
    } else {
      contactId = await createWalkInContact(trx, actor, input.contact!);
    }
    // Asked last, so a person already on the list or a new contact with a mistake hears that first; the transaction
    // takes a new contact back with the refusal.
    assertOnEventDay(event, confirmOutsideEventDays);
    const [id] = await repo.insertInvitations(trx, [
      {
        event_id: eventId,
        contact_id: contactId,
        representative_id: null,
        role: input.role ?? 'participant',
        status: 'attended',
        walk_in: true,
        suggestion_reason: null,
        status_changed_by: actor.id,
        created_by: actor.id,
      },
    ]);
    await recordAudit(trx, {
      userId: actor.id,
      action: 'create',
      entityType: 'invitation',
      entityId: id,
      details: { eventId, walkIn: true },
    });
    return (await toInvitationDtos(trx, actor, await repo.findInvitations(trx, eventId, [id])))[0];
  });
}
