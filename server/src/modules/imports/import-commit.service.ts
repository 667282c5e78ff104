import type { Db } from '../../db/database.js';
import type { Actor } from '../../access/actor.js';
import { hidesRestrictedDetails } from '../../access/restricted-details.js';
import { isPersonKind } from '../../domain/contact-kinds.js';
import { nameKey } from '../../domain/duplicates/duplicate-score.js';
import type { ImportDraft } from '../../domain/imports/row-draft.js';
import type { ImportDecision } from '../../domain/imports/import-fields.js';
import { importNotes } from '../../domain/imports/import-notes.js';
import { AppError, conflict, invalid, type FieldError } from '../../errors.js';
import { recordAudit } from '../audit/audit.repository.js';
import { insertContactsBulk, type ContactRow } from '../contacts/contacts.repository.js';
import { toDraft } from '../contacts/contacts.service.js';
import { changedColumns, filledColumns, toContactValues, type ContactDraft } from '../contacts/contact-values.js';
import { customValueChanges } from '../contacts/contact-custom-values.js';
import type { CustomValues } from '../../domain/custom-fields.js';
import { isContactVisible } from '../../access/actor-access.js';
import { nameWords, searchColumns } from '../search/search-columns.js';
import { addVocabulary } from '../search/search.repository.js';
import { upsertMatchKeys } from '../duplicates/match-keys.repository.js';
import { assertMayWriteContacts } from '../../access/actor-access.js';
import type { DuplicateCandidateDto } from '../duplicates/duplicates.schemas.js';
import * as directory from './import-contacts.repository.js';
import * as repo from './imports.repository.js';
import { loadBatch } from './imports.service.js';
import { toImportDto } from './import-dto.js';
import type { CommitInput, ImportDto } from './imports.schemas.js';

/** Rows per transaction: a failure loses at most this much work, and progress moves at this step. */
export const COMMIT_BATCH_SIZE = 500;
/** A commit that stopped answering this long ago (the process died) may be resumed by another request. */
const STALE_COMMIT_MS = 2 * 60_000;
/** The title of a position made from an organisation column without a title column. */
const DEFAULT_TITLE = 'عضو';

type Row = Awaited<ReturnType<typeof repo.pendingRows>>[number];
const draftOf = (r: Row) => r.draft as unknown as ImportDraft | null;

function resolveDecisions(rows: Row[], input: CommitInput, resuming: boolean) {
  const explicit = new Map((input.decisions ?? []).map((d, i) => [d.row, { ...d, index: i }]));
  const errors: FieldError[] = [];
  const byNumber = new Map(rows.map((r) => [r.row_number, r]));
  for (const [rowNumber, d] of explicit) {
    const row = byNumber.get(rowNumber);
    const field = `decisions.${d.index}`;
    if (!row) errors.push({ field: `${field}.row`, code: 'unknown_row', message: 'is not a row of this import still to apply' });
    else if (row.outcome === 'invalid' && d.action !== 'skip')
      errors.push({ field: `${field}.action`, code: 'invalid_row', message: 'an invalid row can only be skipped' });
    else if (d.action === 'merge') {
      const allowed = [row.matched_contact_id, ...((row.candidates ?? []) as DuplicateCandidateDto[]).map((c) => c.contactId)].filter(
        Boolean,
      );
      if (d.contactId && !allowed.includes(d.contactId)) {
        errors.push({ field: `${field}.contactId`, code: 'not_a_candidate', message: 'is not a match or candidate of this row' });
      } else if (!d.contactId && !row.duplicate_of_row && allowed.length === 0) {
        errors.push({ field: `${field}.contactId`, code: 'required', message: 'this row matched no contact to merge into' });
      }
    }
  }
  if (errors.length) throw invalid(errors);
  const defaults = input.defaultDecision ?? {};
  return rows.map((row) => {
    const chosen = explicit.get(row.row_number);
    let decision: ImportDecision;
    if (chosen) decision = chosen.action;
    else if (resuming && row.decision && input.defaultDecision === undefined) decision = row.decision;
    else if (row.outcome === 'create') decision = defaults.create ?? 'create';
    else if (row.outcome === 'update') decision = defaults.update ?? 'merge';
    else if (row.outcome === 'duplicate') decision = defaults.duplicate ?? 'skip';
    else decision = 'skip';
    const candidates = (row.candidates ?? []) as DuplicateCandidateDto[];
    const target =
      decision !== 'merge'
        ? null
        : (chosen?.contactId ??
          (resuming && !chosen ? row.contact_id : null) ??
          row.matched_contact_id ??
          (row.duplicate_of_row ? null : (candidates[0]?.contactId ?? null)));
    return { row_number: row.row_number, decision, contact_id: target };
  });
}

/**
 * Runs a previewed import in transactions of COMMIT_BATCH_SIZE rows, in row order. A batch applies entirely or not at
 * all; a failed batch stops the run with status 'failed', keeping the batches before it, and calling commit again
 * continues with the rows not yet applied (decisions already given are kept unless new ones are sent).
 */
export async function commitImport(
  db: Db,
  actor: Actor,
  id: string,
  input: CommitInput,
  options: { batchSize?: number; onBatchError?: (error: unknown) => void } = {},
): Promise<ImportDto> {
  const batchSize = options.batchSize ?? COMMIT_BATCH_SIZE;
  assertMayWriteContacts(actor);
  await db.transaction().execute(async (trx) => {
    const batch = await loadBatch(trx, actor, id, true);
    if (batch.status === 'uploaded') throw conflict('IMPORT_NOT_PREVIEWED', 'Preview the import before running it');
    if (batch.status === 'committed' || batch.status === 'undone') throw conflict('IMPORT_NOT_EDITABLE', 'This import was already run');
    if (batch.status === 'committing' && Date.now() - batch.updated_at.getTime() < STALE_COMMIT_MS) {
      throw conflict('IMPORT_IN_PROGRESS', 'This import is running; follow its progress');
    }
    const pending = await repo.pendingRows(trx, id, Number.MAX_SAFE_INTEGER);
    await repo.writeDecisions(trx, id, resolveDecisions(pending, input, batch.status !== 'previewed'));
    await repo.updateBatch(trx, id, { status: 'committing', error: null });
  });

  const organizations = new Map<string, string>();
  for (;;) {
    const rows = await repo.pendingRows(db, id, batchSize);
    if (rows.length === 0) break;
    try {
      await db.transaction().execute((trx) => applyRows(trx, actor, id, rows, organizations));
    } catch (error) {
      if (error instanceof AppError) throw error;
      options.onBatchError?.(error);
      organizations.clear();
      await repo.updateBatch(db, id, {
        status: 'failed',
        error: `Rows ${rows[0].row_number}–${rows.at(-1)!.row_number} could not be saved, so none of them was applied; the rows before them were. Run the import again to continue.`,
      });
      return toImportDto((await repo.findBatch(db, id))!);
    }
  }

  await db.transaction().execute(async (trx) => {
    const batch = await loadBatch(trx, actor, id, true);
    const { applied, actions } = await repo.countActions(trx, id);
    const result = {
      created: actions.created ?? 0,
      updated: actions.updated ?? 0,
      skipped: actions.skipped ?? 0,
      failed: actions.failed ?? 0,
    };
    // What was planned against what happened, and why they differ: the report explains it (domain/imports/import-notes.ts).
    const groups = await repo.resultGroups(trx, id);
    await repo.updateBatch(trx, id, {
      status: 'committed',
      processed: applied,
      result: { ...result, groups },
      committedAt: new Date(),
      error: null,
    });
    await recordAudit(trx, {
      userId: actor.id,
      action: 'import',
      entityType: 'import',
      entityId: id,
      details: { format: batch.format, rows: batch.row_count, blankRows: batch.blank_rows, ...result },
    });
  });
  return toImportDto((await repo.findBatch(db, id))!);
}

interface Applied extends repo.AppliedRow {
  draft: ImportDraft | null;
}

const union = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])];

/** The existing contact with the row's values added: empty fields filled, lists united, nothing overwritten. */
function mergedInto(current: ContactDraft, incoming: ImportDraft): ContactDraft {
  const person = isPersonKind(current.kind);
  return {
    ...current,
    nameLatin: current.nameLatin ?? incoming.nameLatin,
    nameKu: current.nameKu ?? incoming.nameKu,
    nameParts:
      person && incoming.kind === current.kind ? { ...(incoming.nameParts ?? {}), ...(current.nameParts ?? {}) } : current.nameParts,
    gender: current.gender ?? (person ? incoming.gender : null),
    governorates: union(current.governorates, incoming.governorates),
    phones: union(current.phones ?? [], incoming.phones).slice(0, 10),
    emails: union(current.emails ?? [], incoming.emails).slice(0, 10),
    tags: union(current.tags ?? [], incoming.tags).slice(0, 30),
    notes: current.notes ?? incoming.notes,
    source: current.source ?? incoming.source,
  };
}

const draftInput = (d: ImportDraft): ContactDraft => ({
  kind: d.kind,
  subtype: d.subtype,
  name: d.name,
  nameLatin: d.nameLatin,
  nameKu: d.nameKu,
  nameParts: d.nameParts,
  gender: d.gender,
  governorates: d.governorates,
  phones: d.phones,
  emails: d.emails,
  tags: d.tags,
  notes: d.notes,
  source: d.source,
});

function contactValues(draft: ContactDraft) {
  const values = toContactValues(draft);
  return { ...values, ...searchColumns(values) };
}

async function applyRows(trx: Db, actor: Actor, importId: string, rows: Row[], organizations: Map<string, string>): Promise<void> {
  const details = { importId };
  const audit: directory.AuditRow[] = [];
  const changes: repo.Change[] = [];
  const words: string[] = [];
  const keyed: { id: string; name: string; version: number }[] = [];
  const applied: Applied[] = rows.map((r) => ({
    row_number: r.row_number,
    action: 'skipped',
    contact_id: null,
    messages: r.outcome === 'invalid' ? [importNotes.invalidRow()] : [],
    draft: draftOf(r),
  }));
  const earlier = await repo.rowContacts(
    trx,
    importId,
    rows.flatMap((r) => (r.decision === 'merge' && r.duplicate_of_row && !r.contact_id ? [r.duplicate_of_row] : [])),
  );

  // Organisations named in the rows: existing ones by name key, the others created once for the whole import.
  const wanted = rows.filter((r) => r.decision !== 'skip' && draftOf(r)?.organization);
  const missingKeys = [...new Set(wanted.map((r) => nameKey(draftOf(r)!.organization!)).filter((k) => !organizations.has(k)))];
  for (const o of await directory.findOrganizationsByKeys(trx, missingKeys))
    if (!organizations.has(o.name_key)) organizations.set(o.name_key, o.id);
  const newOrganizations = new Map<string, { name: string; governorates: string[] }>();
  for (const r of wanted) {
    const d = draftOf(r)!;
    const key = nameKey(d.organization!);
    if (!organizations.has(key) && !newOrganizations.has(key))
      newOrganizations.set(key, { name: d.organization!, governorates: d.governorates });
  }
  if (newOrganizations.size) {
    const orgs = [...newOrganizations.entries()].map(([key, o]) => ({
      key,
      name: o.name,
      values: contactValues({ kind: 'organization', subtype: 'other', name: o.name, governorates: o.governorates }),
      governorates: o.governorates,
    }));
    const ids = await insertContactsBulk(trx, orgs, actor.id);
    orgs.forEach((o, i) => {
      organizations.set(o.key, ids[i]);
      words.push(...nameWords(o.values.search_terms));
      keyed.push({ id: ids[i], name: o.name, version: 1 });
      changes.push({ entity_type: 'contact', entity_id: ids[i], change: 'created', before: null, version_after: 1 });
      audit.push({
        action: 'create',
        entity_type: 'contact',
        entity_id: ids[i],
        changed_fields: ['kind', 'subtype', 'name', 'governorates'],
        details,
      });
    });
  }

  // New contacts, in one statement.
  const creating: { index: number; values: ReturnType<typeof contactValues>; governorates: string[]; customValues: CustomValues }[] = [];
  rows.forEach((r, index) => {
    if (r.decision !== 'create' || !applied[index].draft) return;
    try {
      const draft = draftInput(applied[index].draft);
      const customValues = applied[index].draft.customValues ?? {};
      creating.push({ index, values: contactValues(draft), governorates: draft.governorates, customValues });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      applied[index].action = 'failed';
      applied[index].messages.push(importNotes.contactRejected(error.message));
    }
  });
  const createdIds = await insertContactsBulk(trx, creating, actor.id);
  creating.forEach((c, i) => {
    const id = createdIds[i];
    Object.assign(applied[c.index], { action: 'created', contact_id: id });
    words.push(...nameWords(c.values.search_terms));
    keyed.push({ id, name: c.values.name, version: 1 });
    changes.push({ entity_type: 'contact', entity_id: id, change: 'created', before: null, version_after: 1 });
    audit.push({
      action: 'create',
      entity_type: 'contact',
      entity_id: id,
      changed_fields: [...filledColumns(c.values), 'governorates', ...Object.keys(customValueChanges({}, c.customValues))],
      details,
    });
  });

  // Merges into existing contacts: all locked at once, then merged one at a time, checking what the caller may change.
  const targetOf = (r: Row) => {
    const earlierRow = r.duplicate_of_row ? applied.find((a) => a.row_number === r.duplicate_of_row) : undefined;
    return r.contact_id ?? (r.duplicate_of_row ? (earlier.get(r.duplicate_of_row) ?? earlierRow?.contact_id) : undefined) ?? null;
  };
  const merging = rows.flatMap((r, index) => (r.decision === 'merge' && applied[index].draft ? [{ r, index }] : []));
  const targets = new Map(
    (
      await directory.lockContacts(
        trx,
        merging.flatMap(({ r }) => targetOf(r) ?? []),
      )
    ).map((c) => [c.id, c]),
  );
  // A contact merged into by several rows collects them all and is written once.
  const pending = new Map<string, { original: ContactRow; draft: ContactDraft; governorates: string[]; custom: CustomValues }>();
  for (const { r, index } of merging) {
    const row = applied[index];
    const targetId = targetOf(r);
    const original = targetId ? targets.get(targetId) : undefined;
    if (!original || !isContactVisible(actor, original.governorates)) {
      const why = !targetId && r.duplicate_of_row ? importNotes.repeatedRowNotImported(r.duplicate_of_row) : importNotes.contactGone();
      Object.assign(row, { action: 'failed', messages: [why] });
      continue;
    }
    if (hidesRestrictedDetails(actor, original)) {
      Object.assign(row, { action: 'failed', contact_id: original.id, messages: [importNotes.restrictedContact()] });
      continue;
    }
    const base = pending.get(original.id) ?? {
      original,
      draft: toDraft(original),
      governorates: original.governorates,
      custom: original.custom_values,
    };
    const draft = mergedInto(base.draft, row.draft!);
    // Like the other fields: a custom field the contact has no value for is filled, none is overwritten.
    const custom = { ...(row.draft!.customValues ?? {}), ...base.custom };
    let after;
    try {
      after = toContactValues(draft);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      Object.assign(row, { action: 'failed', contact_id: original.id, messages: [importNotes.contactRejected(error.message)] });
      continue;
    }
    const changed: string[] = changedColumns(toContactValues(base.draft), after);
    if (draft.governorates.length !== base.governorates.length) changed.push('governorates');
    changed.push(...Object.keys(customValueChanges(base.custom, custom)));
    row.contact_id = original.id;
    if (changed.length === 0) {
      Object.assign(row, { action: 'skipped', messages: [importNotes.alreadyUpToDate()] });
      continue;
    }
    pending.set(original.id, { original, draft, governorates: draft.governorates, custom });
    row.action = 'updated';
    audit.push({ action: 'update', entity_type: 'contact', entity_id: original.id, changed_fields: changed, details });
  }
  const updates = [...pending.values()].map(({ original, draft, custom }) => {
    const values = contactValues(draft);
    words.push(...nameWords(values.search_terms));
    keyed.push({ id: original.id, name: values.name, version: original.version + 1 });
    changes.push({
      entity_type: 'contact',
      entity_id: original.id,
      change: 'updated',
      before: { ...toDraft(original), customValues: original.custom_values },
      version_after: original.version + 1,
    });
    return { id: original.id, version: original.version, values, customValues: custom };
  });
  // The targets are locked, so every update must land; one that does not fails the batch rather than half-apply it.
  if ((await directory.updateContacts(trx, updates, actor.id)).length !== updates.length) {
    throw new Error('a contact changed during the import despite its lock');
  }
  await directory.replaceGovernoratesOf(
    trx,
    [...pending.values()]
      .filter((p) => p.governorates.length !== p.original.governorates.length)
      .map((p) => ({ id: p.original.id, governorates: p.governorates })),
  );

  // A person with an organisation column holds a current position there (kept if they already do).
  const positions = applied.flatMap((row) => {
    const d = row.draft;
    if (!d?.organization || !row.contact_id || (row.action !== 'created' && row.action !== 'updated') || !isPersonKind(d.kind)) return [];
    return [{ person_id: row.contact_id, organization_id: organizations.get(nameKey(d.organization))!, title: d.title ?? DEFAULT_TITLE }];
  });
  const held = await directory.currentPositionPairs(trx, positions);
  const newPositions = positions.filter((p) => p.person_id !== p.organization_id && !held.has(`${p.person_id}|${p.organization_id}`));
  for (const positionId of await directory.insertPositions(trx, newPositions)) {
    changes.push({ entity_type: 'position', entity_id: positionId, change: 'created', before: null, version_after: 1 });
  }

  await addVocabulary(trx, words);
  await upsertMatchKeys(trx, keyed);
  await repo.insertChanges(trx, importId, changes);
  await directory.insertAuditRows(trx, actor.id, audit);
  await repo.writeApplied(
    trx,
    importId,
    applied.map(({ draft: _draft, ...rest }) => rest),
  );
  await repo.addProcessed(trx, importId, rows.length);
}
