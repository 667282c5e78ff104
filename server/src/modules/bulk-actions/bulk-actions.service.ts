import type { Db } from '../../db/database.js';
import type { Actor } from '../../access/actor.js';
import { AppError, forbidden, invalid, type FieldError } from '../../errors.js';
import { assertMayFileIn, isContactVisible } from '../../access/actor-access.js';
import {
  cleanTags,
  MAX_BULK_CONTACTS,
  MAX_TAGS,
  mayRunBulkAction,
  mayTrashRestricted,
  PREVIEW_SAMPLE,
  type BulkAction,
} from '../../domain/bulk-actions.js';
import type { Sheet } from '../../spreadsheets/table.js';
import { recordAudit } from '../audit/audit.repository.js';
import { findContactsByIds } from '../contacts/contacts.repository.js';
import { moveContactToTrash } from '../contacts/contacts.service.js';
import { matchingContactIds } from '../contacts/contact-list.repository.js';
import { resolveFilterScope } from '../contacts/contact-list.service.js';
import type { ContactFilter } from '../contacts/contact-list.schemas.js';
import { segmentFilterFor } from '../segments/segments.service.js';
import { addInvitationsWithin } from '../events/invitations.service.js';
import { exportRows, parseColumns } from '../contact-export/contact-export.service.js';
import { activeFieldDefs } from '../custom-fields/custom-fields.service.js';
import * as repo from './bulk-actions.repository.js';
import { assignTasks } from './bulk-tasks.js';
import { historyChangesOf, planEdits, sampleOf, type EditAction } from './bulk-plans.js';
import type { BulkActionInput, BulkResultDto, BulkSelectionInput } from './bulk-actions.schemas.js';

export type BulkOutcome =
  { file: null; result: BulkResultDto } | { file: { sheet: Sheet; baseName: string; format: 'csv' | 'xlsx' }; result: null };

/** The parameters each action needs; a missing one is a 400 naming it. */
const REQUIRED: Record<BulkAction, (keyof BulkActionInput)[]> = {
  addTags: ['tags'],
  removeTags: ['tags'],
  addGovernorate: ['governorate'],
  setSensitivity: ['sensitivity'],
  addToEvent: ['eventId'],
  assignTask: ['taskTitle', 'assigneeId'],
  export: [],
  moveToTrash: [],
};

function assertParams(input: BulkActionInput) {
  const missing = REQUIRED[input.action].filter((p) => input[p] === undefined);
  const errors: FieldError[] = missing.map((p) => ({ field: p, code: 'required', message: `${input.action} needs ${p}` }));
  if (input.tags && cleanTags(input.tags).length === 0)
    errors.push({ field: 'tags', code: 'empty', message: 'give at least one tag that is not blank' });
  if (errors.length) throw invalid(errors);
}

/** The ids of "all N matching": the list's own filter and scope (the search included), re-evaluated now. */
async function matchingIds(db: Db, actor: Actor, filter: ContactFilter): Promise<string[]> {
  const scope = await resolveFilterScope(db, actor, filter);
  return matchingContactIds(db, filter, scope, MAX_BULK_CONTACTS + 1);
}

async function selectedIds(db: Db, actor: Actor, selection: BulkSelectionInput): Promise<string[]> {
  if ('ids' in selection) return selection.ids;
  // A saved segment is live: its filter now, seen with the caller's own governorates.
  const filter = 'filter' in selection ? selection.filter : await segmentFilterFor(db, actor, selection.segmentId);
  const ids = await matchingIds(db, actor, filter);
  if (ids.length > MAX_BULK_CONTACTS) {
    const field = 'filter' in selection ? 'selection.filter' : 'selection.segmentId';
    throw invalid([{ field, code: 'too_many', message: `matches more than ${MAX_BULK_CONTACTS} contacts; narrow it down` }]);
  }
  return ids;
}

interface Refusal {
  id: string;
  reason: 'not_visible' | 'restricted';
  /** Only for contacts the caller may see. */
  name: string | null;
}

/** All or nothing: one contact the caller may not change refuses the whole action, listing every such contact. */
function refusalsOf(
  actor: Actor,
  action: BulkAction,
  ids: string[],
  rows: { id: string; name: string; sensitivity: string; governorates: string[] }[],
): Refusal[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id): Refusal[] => {
    const row = byId.get(id);
    if (!row || !isContactVisible(actor, row.governorates)) return [{ id, reason: 'not_visible', name: null }];
    if (action === 'moveToTrash' && row.sensitivity === 'restricted' && !mayTrashRestricted(actor.role))
      return [{ id, reason: 'restricted', name: row.name }];
    return [];
  });
}

function assertNoRefusals(refused: Refusal[], count: number) {
  if (refused.length === 0) return;
  throw new AppError(
    403,
    'BULK_REFUSED',
    `You may not change ${refused.length} of the ${count} selected contacts, so nothing was changed`,
    refused.map((r) => ({ field: r.id, code: r.reason, message: r.name ?? '' })),
  );
}

/** What the audit row says about the selection: its size and, for a filter, which filter (never the search text). */
const selectionDetails = (selection: BulkSelectionInput) => {
  if ('ids' in selection) return { selection: 'ids' };
  if ('segmentId' in selection) return { selection: 'segment', segmentId: selection.segmentId };
  return { selection: 'filter', filter: { ...selection.filter, q: selection.filter.q ? true : undefined } };
};

/** Thrown to roll a dry run back after doing the real work, so its answer is exactly what the action would do. */
class DryRun extends Error {
  constructor(readonly result: BulkResultDto) {
    super('dry run');
  }
}

export async function runBulkAction(db: Db, actor: Actor, input: BulkActionInput): Promise<BulkOutcome> {
  if (!mayRunBulkAction(actor.role, input.action)) throw forbidden(`Your role may not ${input.action} in bulk`);
  assertParams(input);
  if (input.action === 'addGovernorate') assertMayFileIn(actor, [input.governorate!]);
  const ids = await selectedIds(db, actor, input.selection);
  const dryRun = input.dryRun === true;
  if (input.action === 'export') return exportSelection(db, actor, input, ids);
  if (input.action === 'addToEvent') return { file: null, result: await addToEvent(db, actor, input, ids) };
  if (input.action === 'assignTask') {
    const rows = await repo.loadBulkContacts(db, ids, false);
    assertNoRefusals(refusalsOf(actor, 'assignTask', ids, rows), ids.length);
    return {
      file: null,
      result: await db.transaction().execute((trx) => assignTasks(trx, actor, input, rows, selectionDetails(input.selection))),
    };
  }
  const result = dryRun
    ? await applyAction(db, actor, input, ids)
    : await db.transaction().execute((trx) => applyAction(trx, actor, input, ids));
  return { file: null, result };
}

async function exportSelection(db: Db, actor: Actor, input: BulkActionInput, ids: string[]): Promise<BulkOutcome> {
  const columns = parseColumns(input.columns, await activeFieldDefs(db));
  const rows = await findContactsByIds(db, ids);
  assertNoRefusals(refusalsOf(actor, 'export', ids, rows), ids.length);
  if (input.dryRun) return { file: null, result: { action: 'export', dryRun: true, count: ids.length, changed: 0, sample: [] } };
  const format = input.format ?? 'csv';
  const exported = await exportRows(db, actor, rows, { format, lang: input.lang ?? 'ar', columns }, selectionDetails(input.selection));
  return { file: { ...exported, format }, result: null };
}

/** Through the invitation list's own add, so capacity, quotas and "an office comes through a person" all apply. */
async function addToEvent(db: Db, actor: Actor, input: BulkActionInput, ids: string[]): Promise<BulkResultDto> {
  assertNoRefusals(refusalsOf(actor, 'addToEvent', ids, await repo.loadBulkContacts(db, ids, false)), ids.length);
  const status = input.status ?? 'proposed';
  try {
    return await db.transaction().execute(async (trx) => {
      const added = await addInvitationsWithin(trx, actor, input.eventId!, {
        contactIds: ids,
        role: input.role,
        status,
        skipExisting: input.skipExisting,
        allowOverCapacity: input.allowOverCapacity,
        allowOverQuota: input.allowOverQuota,
      });
      const contactIds = added.added.map((i) => i.contact.id);
      const result: BulkResultDto = {
        action: 'addToEvent',
        dryRun: input.dryRun === true,
        count: ids.length,
        changed: contactIds.length,
        sample: added.added.slice(0, PREVIEW_SAMPLE).map((i) => ({ id: i.contact.id, name: i.contact.name, before: [], after: [status] })),
      };
      if (input.dryRun) throw new DryRun(result);
      await recordAudit(trx, {
        userId: actor.id,
        action: 'bulk_update',
        entityType: 'contact',
        entityId: null,
        details: {
          action: 'addToEvent',
          eventId: input.eventId,
          count: ids.length,
          changed: contactIds.length,
          ids: contactIds,
          ...selectionDetails(input.selection),
        },
      });
      return result;
    });
  } catch (error) {
    if (error instanceof DryRun) return error.result;
    throw error;
  }
}

/** The edits and the move to the trash, on rows locked for the transaction (read without locks for a dry run). */
async function applyAction(trx: Db, actor: Actor, input: BulkActionInput, ids: string[]): Promise<BulkResultDto> {
  const dryRun = input.dryRun === true;
  const locked = await repo.loadBulkContacts(trx, ids, !dryRun);
  assertNoRefusals(refusalsOf(actor, input.action, ids, locked), ids.length);
  // Back in the selection's order (the list's, for a filter), so the preview's sample reads like the list.
  const position = new Map(ids.map((id, i) => [id, i]));
  const rows = locked.sort((a, b) => position.get(a.id)! - position.get(b.id)!);
  const base = { action: input.action, dryRun, count: ids.length };

  if (input.action === 'moveToTrash') {
    const sample = rows.slice(0, PREVIEW_SAMPLE).map((r) => ({ id: r.id, name: r.name, before: [], after: [] }));
    if (dryRun) return { ...base, changed: rows.length, sample };
    const trashIds: string[] = [];
    const deletedInteractions: string[] = [];
    for (const row of rows) {
      const { trashId, emptied } = await moveContactToTrash(trx, actor, row);
      trashIds.push(trashId);
      deletedInteractions.push(...emptied);
    }
    await recordAudit(trx, {
      userId: actor.id,
      action: 'bulk_delete',
      entityType: 'contact',
      entityId: null,
      details: {
        action: 'moveToTrash',
        count: rows.length,
        ids: rows.map((r) => r.id),
        trashIds,
        ...(deletedInteractions.length ? { deletedInteractions } : {}),
        ...selectionDetails(input.selection),
      },
    });
    return { ...base, changed: rows.length, sample, trashIds };
  }

  const action = input.action as EditAction;
  const params = { tags: cleanTags(input.tags ?? []), governorate: input.governorate ?? '', sensitivity: input.sensitivity ?? '' };
  const changes = planEdits(action, rows, params);
  const overfull = changes.filter((c) => action === 'addTags' && c.after.length > MAX_TAGS).length;
  if (overfull)
    throw invalid([{ field: 'tags', code: 'too_many', message: `${overfull} contact(s) would carry more than ${MAX_TAGS} tags` }]);
  const result = { ...base, changed: changes.length, sample: sampleOf(changes) };
  if (dryRun || changes.length === 0) return result;

  const changedIds = changes.map((c) => c.row.id);
  if (action === 'addTags') await repo.addTags(trx, changedIds, params.tags, actor.id);
  if (action === 'removeTags') await repo.removeTags(trx, changedIds, params.tags, actor.id);
  if (action === 'addGovernorate') await repo.addGovernorate(trx, changedIds, params.governorate, actor.id);
  if (action === 'setSensitivity') await repo.setSensitivity(trx, changedIds, input.sensitivity!, actor.id);
  await recordAudit(trx, {
    userId: actor.id,
    action: 'bulk_update',
    entityType: 'contact',
    entityId: null,
    changedFields: [action === 'addGovernorate' ? 'governorates' : action === 'setSensitivity' ? 'sensitivity' : 'tags'],
    subjects: changes.map((c) => ({ contactId: c.row.id, changes: historyChangesOf(action, c) })),
    details: {
      action,
      count: ids.length,
      changed: changedIds.length,
      ids: changedIds,
      ...(action === 'addTags' || action === 'removeTags' ? { tags: params.tags } : {}),
      ...(action === 'addGovernorate' ? { governorate: params.governorate } : {}),
      ...(action === 'setSensitivity' ? { sensitivity: params.sensitivity } : {}),
      ...selectionDetails(input.selection),
    },
  });
  return result;
}
