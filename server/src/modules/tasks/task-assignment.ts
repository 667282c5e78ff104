import type { Db } from '../../db/database.js';
import { AppError } from '../../errors.js';
import { isContactVisible } from '../../access/actor-access.js';
import { canWriteTasks } from '../../domain/tasks/vocabulary.js';
import { findContactRefs } from '../contact-refs/contact-refs.repository.js';
import { participantIds } from '../interactions/interactions.repository.js';
import { findAssignee, listActiveWriters, type AssigneeRow } from './tasks.repository.js';

/**
 * Who may be given a task: an active account whose role may change contacts and whose governorates cover what the
 * task is about (the linked contact, or one participant of the linked interaction), so the assignee can open it.
 */

export interface TaskSubject {
  contactId: string | null;
  interactionId: string | null;
}

const unavailable = () =>
  new AppError(400, 'ASSIGNEE_UNAVAILABLE', 'The assignee must be an active account whose role may change contacts', [
    { field: 'assigneeId', code: 'unavailable', message: 'not an active account that may hold tasks' },
  ]);
const outOfScope = () =>
  new AppError(400, 'ASSIGNEE_OUT_OF_SCOPE', "The assignee's governorates do not cover the contact this task is about", [
    { field: 'assigneeId', code: 'out_of_scope', message: "the contact is outside the assignee's governorates" },
  ]);

/** The governorates of each contact the task is about: one list for a contact, one per participant for an interaction. */
async function subjectGovernorates(db: Db, subject: TaskSubject): Promise<string[][]> {
  const ids = subject.contactId ? [subject.contactId] : subject.interactionId ? await participantIds(db, subject.interactionId) : [];
  return (await findContactRefs(db, ids)).map((r) => r.governorates);
}

const covers = (user: AssigneeRow, governorateLists: string[][]) =>
  governorateLists.length === 0 ||
  governorateLists.some((g) => isContactVisible({ id: user.id, role: user.role, governorates: user.governorates }, g));

export async function assertAssignable(db: Db, assigneeId: string, subject: TaskSubject): Promise<void> {
  const user = await findAssignee(db, assigneeId);
  if (!user || !user.active || !canWriteTasks(user.role)) throw unavailable();
  if (!covers(user, await subjectGovernorates(db, subject))) throw outOfScope();
}

/** For one task per contact (a bulk assignment): the assignee must cover every one of the contacts. */
export async function assertAssignableToAll(db: Db, assigneeId: string, governorateLists: string[][]): Promise<void> {
  const user = await findAssignee(db, assigneeId);
  if (!user || !user.active || !canWriteTasks(user.role)) throw unavailable();
  const uncovered = governorateLists.filter((g) => !covers(user, [g])).length;
  if (uncovered > 0) throw outOfScope();
}

/** The accounts a task about this subject may be given to, by name. */
export async function eligibleAssignees(db: Db, subject: TaskSubject): Promise<{ id: string; name: string }[]> {
  const lists = await subjectGovernorates(db, subject);
  return (await listActiveWriters(db)).filter((u) => covers(u, lists)).map((u) => ({ id: u.id, name: u.name }));
}
