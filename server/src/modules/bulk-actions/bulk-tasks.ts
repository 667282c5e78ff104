import type { Db } from '../../db/database.js';
import type { Actor } from '../../access/actor.js';
import { PREVIEW_SAMPLE } from '../../domain/bulk-actions.js';
import { recordAudit } from '../audit/audit.repository.js';
import { assertAssignableToAll } from '../tasks/task-assignment.js';
import { assertMayWriteTasks, cleanTitle } from '../tasks/tasks.service.js';
import { insertOpenTasks } from '../tasks/tasks.repository.js';
import type { BulkContactRow } from './bulk-actions.repository.js';
import type { BulkActionInput, BulkResultDto } from './bulk-actions.schemas.js';

/**
 * "Follow up with these contacts": one open task per contact, all for one colleague, who must cover every contact's
 * governorates (else nothing is created). One audit row with the count, as for the other bulk actions.
 */
export async function assignTasks(
  trx: Db,
  actor: Actor,
  input: BulkActionInput,
  rows: BulkContactRow[],
  selection: Record<string, unknown>,
): Promise<BulkResultDto> {
  assertMayWriteTasks(actor);
  await assertAssignableToAll(
    trx,
    input.assigneeId!,
    rows.map((r) => r.governorates),
  );
  const title = cleanTitle(input.taskTitle!);
  const base = { action: 'assignTask' as const, dryRun: input.dryRun === true, count: rows.length, changed: rows.length };
  const sample = rows.slice(0, PREVIEW_SAMPLE).map((r) => ({ id: r.id, name: r.name, before: [], after: [title] }));
  if (input.dryRun) return { ...base, sample };
  const taskIds = await insertOpenTasks(
    trx,
    rows.map((r) => ({
      title,
      notes: null,
      assignee_id: input.assigneeId!,
      due_on: input.dueOn ?? null,
      priority: input.priority ?? 'normal',
      state: 'open' as const,
      contact_id: r.id,
      interaction_id: null,
      event_id: null,
      created_by: actor.id,
    })),
  );
  await recordAudit(trx, {
    userId: actor.id,
    action: 'bulk_update',
    entityType: 'task',
    entityId: null,
    details: {
      action: 'assignTask',
      count: rows.length,
      assigneeId: input.assigneeId,
      dueOn: input.dueOn ?? null,
      ids: rows.map((r) => r.id),
      taskIds,
      ...selection,
    },
  });
  return { ...base, sample };
}
