import type { Db } from '../../db/database.js';
import type { Actor } from '../../access/actor.js';
import { conflict, forbidden, invalid, notFound } from '../../errors.js';
import { isContactVisible } from '../../access/actor-access.js';
import { loadVisibleRef } from '../../access/contact-access.js';
import { canWriteContacts } from '../../domain/roles.js';
import type { ProgrammeParticipantRole } from '../../domain/programmes/vocabulary.js';
import { recordAudit } from '../audit/audit.repository.js';
import { loadProgramme } from './programmes.service.js';
import * as repo from './participants.repository.js';
import type { AddParticipantInput, ParticipantDto, ParticipantListDto } from './programmes.schemas.js';

/** Marking who takes part is directory work: whoever may change contacts, in a programme and for contacts they see. */
function assertMayMarkParticipants(actor: Actor) {
  if (!canWriteContacts(actor.role)) throw forbidden('Your role can read programme participants but not change them');
}

const toDto = (row: repo.ParticipantRow): ParticipantDto => ({
  contact: { id: row.contact_id, name: row.name, kind: row.kind, gender: row.gender },
  role: row.role,
  startsOn: row.starts_on,
  endsOn: row.ends_on,
  createdAt: row.created_at.toISOString(),
});

export async function listParticipants(db: Db, actor: Actor, programmeId: string): Promise<ParticipantListDto> {
  await loadProgramme(db, actor, programmeId);
  const rows = await repo.listParticipants(db, programmeId);
  const shown = rows.filter((r) => isContactVisible(actor, r.governorates));
  return { items: shown.map(toDto), hidden: rows.length - shown.length };
}

export async function addParticipant(db: Db, actor: Actor, programmeId: string, input: AddParticipantInput): Promise<ParticipantDto> {
  assertMayMarkParticipants(actor);
  const endsOn = input.endsOn ?? null;
  if (endsOn !== null && endsOn < input.startsOn) {
    throw invalid([{ field: 'endsOn', code: 'before_start', message: 'is before the start date' }]);
  }
  return db.transaction().execute(async (trx) => {
    await loadProgramme(trx, actor, programmeId, true);
    await loadVisibleRef(trx, actor, input.contactId, true);
    const row = { programme_id: programmeId, contact_id: input.contactId, role: input.role, starts_on: input.startsOn, ends_on: endsOn };
    if (!(await repo.insertParticipant(trx, row))) {
      throw conflict('PROGRAMME_PARTICIPANT_EXISTS', `This contact is already marked ${input.role} in this programme`);
    }
    await recordAudit(trx, {
      userId: actor.id,
      action: 'update',
      entityType: 'programme',
      entityId: programmeId,
      changedFields: ['participants'],
      details: { added: { contactId: input.contactId, role: input.role, startsOn: input.startsOn, endsOn } },
    });
    return toDto((await repo.listParticipants(trx, programmeId, input.contactId, input.role))[0]);
  });
}

export async function removeParticipant(
  db: Db,
  actor: Actor,
  programmeId: string,
  contactId: string,
  role: ProgrammeParticipantRole,
): Promise<void> {
  assertMayMarkParticipants(actor);
  await db.transaction().execute(async (trx) => {
    await loadProgramme(trx, actor, programmeId, true);
    await loadVisibleRef(trx, actor, contactId);
    if (!(await repo.deleteParticipant(trx, programmeId, contactId, role))) throw notFound('Participant');
    await recordAudit(trx, {
      userId: actor.id,
      action: 'update',
      entityType: 'programme',
      entityId: programmeId,
      changedFields: ['participants'],
      details: { removed: { contactId, role } },
    });
  });
}
