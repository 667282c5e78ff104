import type { Db } from '../../db/database.js';
import type { Actor } from '../../access/actor.js';
import { conflict, notFound } from '../../errors.js';
import { recordAudits } from '../audit/audit.repository.js';
import { readSchema, type Schema } from './foreign-keys.repository.js';
import { deleteRows, type Row, type Snapshot } from './snapshot.repository.js';
import type { MergeUndoPayload } from './trash-capture.js';
import { assertMayRestore, loadItem, refreshVocabulary, writeBack } from './trash.service.js';
import * as repo from './trash.repository.js';
import type { UndoMergeResultDto } from './trash.schemas.js';

/** Columns a merge does not decide: bookkeeping and the search keys derived from the names. */
const NOT_MERGED = new Set(['version', 'updated_at', 'updated_by', 'created_at', 'created_by', 'search_terms', 'search_version']);

const keyOf = (schema: Schema, table: string, row: Row) =>
  JSON.stringify((schema.primaryKeys.get(table) ?? Object.keys(row)).map((c) => row[c] ?? null));
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Rows of `a` that `b` lacks, or (unless `onlyMissing`) holds with other values. */
function difference(schema: Schema, a: Snapshot, b: Snapshot, onlyMissing = false): Record<string, Row[]> {
  const out: Record<string, Row[]> = {};
  for (const [table, rows] of Object.entries(a.rows)) {
    const other = new Map((b.rows[table] ?? []).map((r) => [keyOf(schema, table, r), r]));
    const changed = rows.filter((r) => {
      const twin = other.get(keyOf(schema, table, r));
      return !twin || (!onlyMissing && !same(twin, r));
    });
    if (changed.length) out[table] = changed;
  }
  return out;
}

function changedFields(after: Row, now: Row, governoratesAfter: string[], governoratesNow: string[]): string[] {
  const fields = Object.keys(after).filter((k) => !NOT_MERGED.has(k) && !k.startsWith('search_') && !same(after[k], now[k]));
  if (!same([...governoratesAfter].sort(), [...governoratesNow].sort())) fields.push('governorates');
  return fields;
}

/**
 * Undoes a merge while the survivor still holds what the merge gave it: the merged contacts come back with their
 * own ids, every row the merge moved, dropped or rewrote is set back as it was, rows it created go, and the
 * survivor gets its own values back (with a new version, so stale edit forms fail). Links added since stay.
 */
export async function undoMerge(db: Db, actor: Actor, id: string, days: number, now = new Date()): Promise<UndoMergeResultDto> {
  assertMayRestore(actor);
  return db.transaction().execute(async (trx) => {
    const item = await loadItem(trx, actor, id, days, now);
    if (item.entity_type !== 'merge') throw notFound('Merge');
    const payload = item.payload as MergeUndoPayload;
    const current = await repo.contactAsJson(trx, payload.survivorId);
    if (!current) throw conflict('TRASH_PARENT_GONE', 'The contact the others were merged into is gone; the merge cannot be undone');
    const afterRow = payload.after.rows.contact.find((r) => r.id === payload.survivorId)!;
    const governoratesAfter = (payload.after.rows.contact_governorate ?? [])
      .filter((r) => r.contact_id === payload.survivorId)
      .map((r) => String(r.governorate_code));
    const changed = changedFields(afterRow, current, governoratesAfter, await repo.governoratesOf(trx, payload.survivorId));
    if (changed.length) {
      throw conflict(
        'MERGE_CHANGED_SINCE',
        `The merged contact was changed since the merge (${changed.join(', ')}); the merge can no longer be undone`,
      );
    }

    const schema = await readSchema(trx);
    // Rows the merge created (the survivor's new governorates, dismissals carried over) go; rows it changed are set back.
    await deleteRows(trx, schema, difference(schema, payload.after, payload.before, true));
    const restored: Snapshot = { rows: difference(schema, payload.before, payload.after), relinks: payload.before.relinks };
    await writeBack(trx, schema, restored, true, [payload.survivorId]);
    await repo.bumpContactVersion(trx, payload.survivorId, Number(current.version), actor.id);
    await repo.returnAuditHistory(trx, payload.survivorId, payload.mergedIds);
    await refreshVocabulary(trx, restored.rows.contact ?? []);
    await repo.deleteTrashItem(trx, id);
    await recordAudits(
      trx,
      [payload.survivorId, ...payload.mergedIds].map((entityId) => ({
        userId: actor.id,
        action: 'undo_merge' as const,
        entityType: 'contact' as const,
        entityId,
        details: { trashId: id, survivorId: payload.survivorId, mergedIds: payload.mergedIds },
      })),
    );
    return { survivorId: payload.survivorId, restoredIds: payload.mergedIds };
  });
}
