import type { Db } from '../../db/database.js';
import type { Actor } from '../../access/actor.js';
import { AppError, conflict, forbidden, notFound } from '../../errors.js';
import { loadVisibleRef, hiddenContactIds, assertLinkedVisible } from '../../access/contact-access.js';
import { seesRestrictedDetails } from '../../access/restricted-details.js';
import { stripBidiControls } from '../../domain/text/clean-text.js';
import { canWriteTasks, followUpOfTask, type TaskState } from '../../domain/tasks/vocabulary.js';
import { recordAudit } from '../audit/audit.repository.js';
import { loadEvent } from '../events/event-access.js';
import { findInteraction, participantIds } from '../interactions/interactions.repository.js';
import { findContactRefs } from '../contact-refs/contact-refs.repository.js';
import { assertAssignable, eligibleAssignees, type TaskSubject } from './task-assignment.js';
import * as repo from './tasks.repository.js';
import { setProgrammes, visibleProgrammeIds } from '../programme-refs/programme-attribution.js';
import type { CreateTaskInput, ListTasksFilter, TaskDto, TaskListDto, UpdateTaskInput } from './tasks.schemas.js';

const STALE = 'Someone else changed this task since you opened it; reload and try again';

export function assertMayWriteTasks(actor: Actor) {
  if (!canWriteTasks(actor.role)) throw forbidden('Your role can read tasks but not change them');
}

export const cleanTitle = (title: string) => stripBidiControls(title, { keepMarks: true }).replace(/\s+/g, ' ').trim();
const cleanNotes = (notes: string | null | undefined) => (notes ? stripBidiControls(notes, { keepMarks: true }).trim() || null : null);

async function toDtos(db: Db, actor: Actor, rows: repo.TaskRow[]): Promise<TaskDto[]> {
  const hidden = await hiddenContactIds(
    db,
    actor,
    rows.flatMap((r) => (r.contact_id ? [r.contact_id] : [])),
  );
  const programmes = await visibleProgrammeIds(
    db,
    actor,
    'task',
    rows.map((r) => r.id),
  );
  return rows.map((row) => {
    const contactShown = row.contact_id !== null && !hidden.has(row.contact_id);
    // A restricted contact's details stay with the roles that may see them; whoever wrote the notes still reads them.
    const notesHidden =
      row.notes !== null && row.contact_sensitivity === 'restricted' && !seesRestrictedDetails(actor) && row.created_by !== actor.id;
    return {
      id: row.id,
      title: row.title,
      notes: notesHidden ? null : row.notes,
      notesHidden,
      assignee: row.assignee_id ? { id: row.assignee_id, name: row.assignee_name ?? '' } : null,
      createdBy: row.created_by ? { id: row.created_by, name: row.created_by_name ?? '' } : null,
      dueOn: row.due_on,
      priority: row.priority,
      state: row.state,
      overdue: row.overdue,
      contact: contactShown
        ? { id: row.contact_id!, name: row.contact_name!, kind: row.contact_kind!, restricted: row.contact_sensitivity === 'restricted' }
        : null,
      contactHidden: row.contact_id !== null && !contactShown,
      interaction:
        row.interaction_id && row.interaction_kind && row.interaction_occurred_on
          ? { id: row.interaction_id, kind: row.interaction_kind, occurredOn: row.interaction_occurred_on }
          : null,
      event: row.event_id ? { id: row.event_id, title: row.event_title ?? '' } : null,
      programmeIds: programmes.get(row.id) ?? [],
      completedAt: row.completed_at?.toISOString() ?? null,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
      version: row.version,
    };
  });
}

async function one(db: Db, actor: Actor, id: string): Promise<TaskDto> {
  return (await toDtos(db, actor, [(await repo.findTask(db, id))!]))[0];
}

/** A task the caller may not see answers 404, as a hidden contact does. */
async function loadTask(db: Db, actor: Actor, id: string, forUpdate = false): Promise<repo.TaskRow> {
  const row = await repo.findTask(db, id, forUpdate);
  if (!row || !(await repo.isTaskVisible(db, actor, id))) throw notFound('Task');
  return row;
}

export async function listTasks(db: Db, actor: Actor, filter: ListTasksFilter): Promise<TaskListDto> {
  if (filter.contactId) await loadVisibleRef(db, actor, filter.contactId);
  const { assignee, ...rest } = filter;
  const { rows, total } = await repo.listTasks(db, actor, { ...rest, assignee: assignee === 'me' ? actor.id : assignee });
  return { items: await toDtos(db, actor, rows), total, limit: filter.limit, offset: filter.offset };
}

export const taskSummary = (db: Db, actor: Actor) => repo.countMine(db, actor.id);

export async function getTask(db: Db, actor: Actor, id: string): Promise<TaskDto> {
  await loadTask(db, actor, id);
  return one(db, actor, id);
}

/** The accounts a task about this contact, interaction or event may be given to. */
export async function listAssignees(db: Db, actor: Actor, query: { contactId?: string; interactionId?: string; eventId?: string }) {
  const subject = await resolveSubject(db, actor, query);
  return { items: await eligibleAssignees(db, subject) };
}

/** Checks that the caller sees what the task will be about; an interaction's task names its first participant. */
async function resolveSubject(db: Db, actor: Actor, input: { contactId?: string; interactionId?: string; eventId?: string }) {
  if (input.eventId) await loadEvent(db, input.eventId);
  if (input.contactId) await loadVisibleRef(db, actor, input.contactId, true);
  let contactId = input.contactId ?? null;
  if (input.interactionId) {
    if (!(await findInteraction(db, input.interactionId))) throw notFound('Interaction');
    const participants = await participantIds(db, input.interactionId);
    await assertLinkedVisible(db, actor, participants, 'any', 'Interaction');
    // The task of an interaction is about its first participant the caller sees, as the migrated follow-ups are.
    const hidden = await hiddenContactIds(db, actor, participants);
    contactId ??=
      (await findContactRefs(db, participants))
        .filter((r) => !hidden.has(r.id))
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))[0]?.id ?? null;
  }
  const subject: TaskSubject = { contactId, interactionId: contactId ? null : (input.interactionId ?? null) };
  return subject;
}

async function audit(
  db: Db,
  actor: Actor,
  action: 'create' | 'update',
  id: string,
  changedFields: string[],
  details: Record<string, unknown>,
) {
  await recordAudit(db, { userId: actor.id, action, entityType: 'task', entityId: id, changedFields, details });
}

export async function createTask(db: Db, actor: Actor, input: CreateTaskInput): Promise<TaskDto> {
  assertMayWriteTasks(actor);
  return db.transaction().execute(async (trx) => {
    const subject = await resolveSubject(trx, actor, input);
    if (input.interactionId && (await repo.findTaskIdOfInteraction(trx, input.interactionId, true))) {
      throw conflict('TASK_EXISTS', 'This interaction already has its follow-up task; change that one');
    }
    const assigneeId = input.assigneeId ?? actor.id;
    await assertAssignable(trx, assigneeId, subject);
    const values = {
      title: cleanTitle(input.title),
      notes: cleanNotes(input.notes),
      assignee_id: assigneeId,
      due_on: input.dueOn ?? null,
      priority: input.priority ?? 'normal',
      state: 'open' as const,
    };
    const id = await repo.insertTask(trx, {
      ...values,
      contact_id: subject.contactId,
      interaction_id: input.interactionId ?? null,
      event_id: input.eventId ?? null,
      created_by: actor.id,
    });
    if (input.interactionId)
      await repo.copyFollowUpToInteraction(trx, input.interactionId, followUpOfTask({ state: 'open', dueOn: values.due_on }));
    if (input.programmeIds?.length) await setProgrammes(trx, actor, 'task', id, input.programmeIds, true);
    await audit(trx, actor, 'create', id, [], {
      assigneeId,
      dueOn: values.due_on,
      priority: values.priority,
      contactId: subject.contactId ?? undefined,
      interactionId: input.interactionId,
      eventId: input.eventId,
      programmeIds: input.programmeIds?.length ? input.programmeIds : undefined,
    });
    return one(trx, actor, id);
  });
}

export async function updateTask(db: Db, actor: Actor, id: string, input: UpdateTaskInput): Promise<TaskDto> {
  assertMayWriteTasks(actor);
  return db.transaction().execute(async (trx) => {
    const current = await loadTask(trx, actor, id, true);
    if (current.version !== input.version) throw conflict('CONFLICT', STALE);
    const values: Partial<repo.TaskValues> = {};
    if (input.title !== undefined) values.title = cleanTitle(input.title);
    if (input.notes !== undefined) values.notes = cleanNotes(input.notes);
    if (input.dueOn !== undefined) values.due_on = input.dueOn;
    if (input.priority !== undefined) values.priority = input.priority;
    if (input.state !== undefined) values.state = input.state;
    if (input.assigneeId !== undefined) values.assignee_id = input.assigneeId;
    const changed: string[] = (Object.keys(values) as (keyof repo.TaskValues)[]).filter((k) => values[k] !== current[k]);
    if (
      changed.includes('notes') &&
      current.notes !== null &&
      current.contact_sensitivity === 'restricted' &&
      !seesRestrictedDetails(actor) &&
      current.created_by !== actor.id
    ) {
      throw new AppError(403, 'FORBIDDEN', 'Your role may not change the notes of a task about a restricted contact');
    }
    if (changed.includes('assignee_id'))
      await assertAssignable(trx, input.assigneeId!, {
        contactId: current.contact_id,
        interactionId: current.contact_id ? null : current.interaction_id,
      });
    if (!(await repo.updateTask(trx, id, current.version, values))) throw conflict('CONFLICT', STALE);
    if (input.programmeIds !== undefined && (await setProgrammes(trx, actor, 'task', id, input.programmeIds))) {
      changed.push('programmes');
    }
    if (current.interaction_id && (changed.includes('state') || changed.includes('due_on'))) {
      await repo.copyFollowUpToInteraction(
        trx,
        current.interaction_id,
        followUpOfTask({ state: values.state ?? current.state, dueOn: values.due_on !== undefined ? values.due_on : current.due_on }),
      );
    }
    await audit(trx, actor, 'update', id, changed, {
      ...(changed.includes('assignee_id') ? { assignee: { old: current.assignee_id, new: values.assignee_id } } : {}),
      ...(changed.includes('state') ? { state: { old: current.state, new: values.state } } : {}),
    });
    return one(trx, actor, id);
  });
}

/**
 * The interaction API's follow-up fields, kept working on top of tasks: a follow-up date creates the interaction's
 * task (assigned to whoever logs it) or moves it; done/undone sets its state; clearing the date cancels it. Returns
 * the follow-up fields to store on the interaction, derived from the task. Runs in the interaction's transaction.
 */
export async function syncInteractionFollowUp(
  trx: Db,
  actor: Actor,
  interaction: { id: string; summary: string; contactId: string | null },
  change: { followUpOn?: string | null; followUpDone?: boolean },
): Promise<{ followUpOn: string | null; followUpDone: boolean }> {
  const existing = await repo.findTaskIdOfInteraction(trx, interaction.id, true);
  if (!existing) {
    if (!change.followUpOn) return { followUpOn: null, followUpDone: false };
    const state: TaskState = change.followUpDone ? 'done' : 'open';
    const id = await repo.insertTask(trx, {
      title: cleanTitle(interaction.summary).slice(0, 200),
      notes: null,
      assignee_id: actor.id,
      due_on: change.followUpOn,
      priority: 'normal',
      state,
      contact_id: interaction.contactId,
      interaction_id: interaction.id,
      event_id: null,
      created_by: actor.id,
    });
    await audit(trx, actor, 'create', id, [], {
      assigneeId: actor.id,
      dueOn: change.followUpOn,
      interactionId: interaction.id,
      fromInteraction: true,
    });
    return followUpOfTask({ state, dueOn: change.followUpOn });
  }
  const current = (await repo.findTask(trx, existing.id))!;
  const dueOn = change.followUpOn !== undefined ? change.followUpOn : current.due_on;
  let state: TaskState = current.state;
  if (change.followUpDone !== undefined) state = change.followUpDone ? 'done' : 'open';
  else if (change.followUpOn !== undefined && current.state === 'cancelled') state = 'open';
  if (dueOn === null) state = 'cancelled';
  const values: Partial<repo.TaskValues> = {};
  if (dueOn !== current.due_on && dueOn !== null) values.due_on = dueOn;
  if (state !== current.state) values.state = state;
  if (Object.keys(values).length > 0) {
    await repo.updateTask(trx, current.id, current.version, values);
    await audit(trx, actor, 'update', current.id, Object.keys(values), {
      ...(values.state ? { state: { old: current.state, new: values.state } } : {}),
      fromInteraction: true,
    });
  }
  return followUpOfTask({ state, dueOn: values.due_on ?? current.due_on });
}
