import type { Db } from '../../db/database.js';
import type { Actor } from '../../access/actor.js';
import { trashInteraction } from '../trash/trash-capture.js';
import { stripBidiControls } from '../../domain/text/clean-text.js';
import { conflict, notFound } from '../../errors.js';
import { fieldChanges } from '../../domain/history/field-changes.js';
import { recordAudit } from '../audit/audit.repository.js';
import { assertMayWriteContacts, coversGovernorate } from '../../access/actor-access.js';
import { assertLinkedVisible, hiddenContactIds, loadVisibleRef, loadVisibleRefs } from '../../access/contact-access.js';
import * as repo from './interactions.repository.js';
import { syncInteractionFollowUp } from '../tasks/tasks.service.js';
import { setProgrammes, visibleProgrammeIds } from '../programme-refs/programme-attribution.js';
import type { CreateInteractionInput, InteractionDto, ListInteractionsFilter, UpdateInteractionInput } from './interactions.schemas.js';

const STALE = 'Someone else changed this interaction since you opened it; reload and try again';

/** Rows to DTOs with their participants; a scoped caller sees only the participants in their governorates. */
async function toDtos(db: Db, actor: Actor, rows: repo.InteractionRow[]): Promise<InteractionDto[]> {
  const participants = await repo.participantsOf(
    db,
    rows.map((r) => r.id),
  );
  const hidden = await hiddenContactIds(
    db,
    actor,
    participants.map((p) => p.id),
  );
  const programmes = await visibleProgrammeIds(
    db,
    actor,
    'interaction',
    rows.map((r) => r.id),
  );
  return rows.map((row) => {
    const all = participants.filter((p) => p.interaction_id === row.id);
    const shown = all.filter((p) => !hidden.has(p.id));
    return {
      id: row.id,
      kind: row.kind,
      occurredOn: row.occurred_on,
      summary: row.summary,
      followUpOn: row.follow_up_on,
      followUpDone: row.follow_up_done,
      needsFollowUp: row.needs_follow_up,
      participants: shown.map((p) => ({ id: p.id, name: p.name, kind: p.kind })),
      hiddenParticipants: all.length - shown.length,
      programmeIds: programmes.get(row.id) ?? [],
      loggedBy: row.logged_by,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
      version: row.version,
    };
  });
}

/** An interaction is visible when at least one of its participants is. */
async function loadInteraction(db: Db, actor: Actor, id: string, forUpdate = false) {
  const row = await repo.findInteraction(db, id, forUpdate);
  if (!row) throw notFound('Interaction');
  const ids = await repo.participantIds(db, id);
  await assertLinkedVisible(db, actor, ids, 'any', 'Interaction');
  return { row, participantIds: ids };
}

const one = async (db: Db, actor: Actor, id: string) => (await toDtos(db, actor, [(await repo.findInteraction(db, id))!]))[0];

export async function listInteractions(db: Db, actor: Actor, filter: ListInteractionsFilter) {
  if (filter.contact) await loadVisibleRef(db, actor, filter.contact);
  // Outside a scoped caller's governorates the filter would only match through participants hidden from them.
  if (filter.governorate !== undefined && !coversGovernorate(actor, filter.governorate)) {
    return { items: [], total: 0, limit: filter.limit, offset: filter.offset };
  }
  const { mine, ...rest } = filter;
  const { rows, total } = await repo.listInteractions(db, {
    ...rest,
    loggedBy: mine === true ? actor.id : undefined,
    visibleGovernorates: actor.governorates,
  });
  return { items: await toDtos(db, actor, rows), total, limit: filter.limit, offset: filter.offset };
}

/** For the connections view of a contact already known to be visible. */
export async function recentInteractionsOf(db: Db, actor: Actor, contactId: string, limit: number) {
  const { rows } = await repo.listInteractions(db, { contact: contactId, visibleGovernorates: actor.governorates, limit, offset: 0 });
  return toDtos(db, actor, rows);
}

export async function createInteraction(db: Db, actor: Actor, input: CreateInteractionInput): Promise<InteractionDto> {
  assertMayWriteContacts(actor, 'interactions');
  return db.transaction().execute(async (trx) => {
    await loadVisibleRefs(trx, actor, input.contactIds, true);
    const id = await repo.insertInteraction(
      trx,
      {
        kind: input.kind,
        occurred_on: input.occurredOn,
        summary: stripBidiControls(input.summary, { keepMarks: true }).trim(),
        // The follow-up is the interaction's task (created just below); these columns are its copy.
        follow_up_on: input.followUpOn ?? null,
        follow_up_done: input.followUpOn ? (input.followUpDone ?? false) : false,
        logged_by: actor.id,
      },
      input.contactIds,
    );
    await syncInteractionFollowUp(trx, actor, { id, summary: input.summary, contactId: input.contactIds[0] }, input);
    if (input.programmeIds?.length) await setProgrammes(trx, actor, 'interaction', id, input.programmeIds, true);
    await recordAudit(trx, {
      userId: actor.id,
      action: 'create',
      entityType: 'interaction',
      entityId: id,
      changes: fieldChanges(null, {
        kind: input.kind,
        occurred_on: input.occurredOn,
        summary: stripBidiControls(input.summary, { keepMarks: true }).trim(),
        follow_up_on: input.followUpOn ?? null,
        participants: input.contactIds,
      }),
      details: {
        kind: input.kind,
        contactIds: input.contactIds,
        ...(input.programmeIds?.length ? { programmeIds: input.programmeIds } : {}),
      },
    });
    return one(trx, actor, id);
  });
}

export async function updateInteraction(db: Db, actor: Actor, id: string, input: UpdateInteractionInput): Promise<InteractionDto> {
  assertMayWriteContacts(actor, 'interactions');
  return db.transaction().execute(async (trx) => {
    const { row: current, participantIds } = await loadInteraction(trx, actor, id, true);
    if (current.version !== input.version) throw conflict('CONFLICT', STALE);
    const values: Partial<repo.InteractionValues> = {};
    if (input.kind !== undefined) values.kind = input.kind;
    if (input.occurredOn !== undefined) values.occurred_on = input.occurredOn;
    if (input.summary !== undefined) values.summary = stripBidiControls(input.summary, { keepMarks: true }).trim();
    if (input.followUpOn !== undefined || input.followUpDone !== undefined) {
      // The follow-up lives on the interaction's task; the interaction keeps the copy derived from it.
      const followUp = await syncInteractionFollowUp(
        trx,
        actor,
        { id, summary: values.summary ?? current.summary, contactId: participantIds[0] ?? null },
        { followUpOn: input.followUpOn, followUpDone: input.followUpDone },
      );
      values.follow_up_on = followUp.followUpOn;
      values.follow_up_done = followUp.followUpDone;
    }
    const changed: string[] = (Object.keys(values) as (keyof repo.InteractionValues)[]).filter((k) => values[k] !== current[k]);
    let participants: string[] | null = null;
    if (input.contactIds) {
      await loadVisibleRefs(trx, actor, input.contactIds, true);
      // A scoped caller edits the participants they can see; those outside their governorates stay.
      const hidden = await hiddenContactIds(trx, actor, participantIds);
      participants = [...new Set([...input.contactIds, ...hidden])];
      if ([...participants].sort().join() !== [...participantIds].sort().join()) changed.push('participants');
    }
    if (!(await repo.updateInteraction(trx, id, current.version, values))) throw conflict('CONFLICT', STALE);
    if (participants) await repo.replaceParticipants(trx, id, participants);
    if (input.programmeIds !== undefined && (await setProgrammes(trx, actor, 'interaction', id, input.programmeIds))) {
      changed.push('programmes');
    }
    await recordAudit(trx, {
      userId: actor.id,
      action: 'update',
      entityType: 'interaction',
      entityId: id,
      changedFields: changed,
      // Participants are named by id: the history shows who they are with the names of today.
      changes: {
        ...fieldChanges(current, values, Object.keys(values)),
        ...(participants && changed.includes('participants') ? fieldChanges({ participants: participantIds }, { participants }) : {}),
      },
    });
    return one(trx, actor, id);
  });
}

export async function deleteInteraction(db: Db, actor: Actor, id: string, version: number | undefined): Promise<void> {
  assertMayWriteContacts(actor, 'interactions');
  await db.transaction().execute(async (trx) => {
    const { row: current } = await loadInteraction(trx, actor, id, true);
    if (version !== undefined && current.version !== version) throw conflict('CONFLICT', STALE);
    const trashId = await trashInteraction(trx, actor, current);
    await repo.deleteInteraction(trx, id);
    await recordAudit(trx, {
      userId: actor.id,
      action: 'delete',
      entityType: 'interaction',
      entityId: id,
      details: { kind: current.kind, trashId },
    });
  });
}
