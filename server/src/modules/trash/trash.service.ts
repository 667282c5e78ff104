import type { Db } from '../../db/database.js';
import type { Actor } from '../../access/actor.js';
import { AppError, conflict, forbidden, notFound } from '../../errors.js';
import { isContactVisible } from '../../access/actor-access.js';
import { hidesRestrictedDetails } from '../../access/restricted-details.js';
import { canPurgeTrash, canRestoreFromTrash, daysLeft, type TrashEntityType } from '../../domain/trash/vocabulary.js';
import { eraseValues } from '../history/history.repository.js';
import { recordAudit, recordAudits, type AuditEntry } from '../audit/audit.repository.js';
import { addVocabulary } from '../search/search.repository.js';
import { nameWords } from '../search/search-columns.js';
import { readSchema, type Schema } from './foreign-keys.repository.js';
import { MissingParent, writeSnapshot, type Row, type Snapshot } from './snapshot.repository.js';
import * as repo from './trash.repository.js';
import type { RestoreResultDto, TrashItemDto, TrashListDto, TrashListFilter } from './trash.schemas.js';

export function assertMayRestore(actor: Actor) {
  if (!canRestoreFromTrash(actor.role)) throw forbidden('Only a coordinator or an administrator can see the trash and restore from it');
}

const purgeAfter = (deletedAt: Date, days: number) => new Date(deletedAt.getTime() + days * 86_400_000);

/** The audit log names the kind; a merge's undo is filed under the survivor contact. */
const auditType = (type: TrashEntityType): AuditEntry['entityType'] => (type === 'merge' ? 'contact' : type);

function toDto(row: Omit<repo.TrashItemRow, 'payload'>, actor: Actor, days: number, now: Date): TrashItemDto {
  const until = purgeAfter(row.deleted_at, days);
  return {
    id: row.id,
    entityType: row.entity_type,
    entityId: row.entity_id,
    label: hidesRestrictedDetails(actor, { sensitivity: row.restricted ? 'restricted' : 'normal' }) ? null : row.label,
    restricted: row.restricted,
    governorates: row.governorates,
    deletedBy: row.deleted_by && row.deleted_by_name ? { id: row.deleted_by, name: row.deleted_by_name } : null,
    deletedAt: row.deleted_at.toISOString(),
    purgeAfter: until.toISOString(),
    daysLeft: daysLeft(until, now),
    counts: row.counts,
  };
}

export async function listTrash(db: Db, actor: Actor, filter: TrashListFilter, days: number, now = new Date()): Promise<TrashListDto> {
  assertMayRestore(actor);
  const rows = await repo.listTrashItems(db, { days, now, governorates: actor.governorates, ...filter });
  return { items: rows.map((r) => toDto(r, actor, days, now)), days };
}

/** The item, locked, if the caller may see it and it is still within the window; 404 otherwise. */
export async function loadItem(trx: Db, actor: Actor, id: string, days: number, now: Date): Promise<repo.TrashItemRow> {
  const item = await repo.findTrashItem(trx, id);
  const expired = item && purgeAfter(item.deleted_at, days) <= now;
  if (!item || expired || !isContactVisible(actor, item.governorates)) throw notFound('Trash item');
  return item;
}

async function parentGone(trx: Db, error: MissingParent): Promise<AppError> {
  const inTrash = await repo.findItemOfEntity(trx, error.parentTable, error.parentId);
  const what = `${error.parentTable} ${inTrash ? `“${inTrash.label}”` : error.parentId}`;
  return new AppError(
    409,
    'TRASH_PARENT_GONE',
    inTrash
      ? `This ${error.childTable} belongs to ${what}, which is in the trash: restore that first`
      : `This ${error.childTable} belongs to ${what}, which was removed for good; it cannot come back`,
    [{ field: error.parentTable, code: inTrash ? 'in_trash' : 'purged', message: inTrash ? inTrash.id : error.parentId }],
  );
}

/** Writes a snapshot back, turning a missing parent or a taken id into the 409s the API documents. */
export async function writeBack(trx: Db, schema: Schema, snapshot: Snapshot, overwrite = false, replaceable: string[] = []) {
  try {
    await writeSnapshot(trx, schema, snapshot, overwrite, replaceable);
  } catch (error) {
    if (error instanceof MissingParent) throw await parentGone(trx, error);
    if ((error as { code?: string }).code === '23505') {
      throw conflict('TRASH_ID_TAKEN', 'Something with the same id or the same unique details exists again; it cannot be restored over it');
    }
    throw error;
  }
}

/** Restored contacts' name words go back into the search vocabulary (their search columns are in their rows). */
export async function refreshVocabulary(trx: Db, contacts: Row[]) {
  await addVocabulary(trx, nameWords(contacts.flatMap((c) => (c.search_terms as string[] | null) ?? [])));
}

export async function restoreItem(db: Db, actor: Actor, id: string, days: number, now = new Date()): Promise<RestoreResultDto> {
  assertMayRestore(actor);
  return db.transaction().execute(async (trx) => {
    const item = await loadItem(trx, actor, id, days, now);
    if (item.entity_type === 'merge') throw conflict('TRASH_IS_MERGE', 'This is a merge: undo it with POST /api/merges/{id}/undo');
    const snapshot = item.payload as Snapshot;
    await writeBack(trx, await readSchema(trx), snapshot);
    await refreshVocabulary(trx, snapshot.rows.contact ?? []);
    await repo.deleteTrashItem(trx, id);
    await recordAudit(trx, {
      userId: actor.id,
      action: 'restore',
      entityType: auditType(item.entity_type),
      entityId: item.entity_id,
      details: { trashId: id, counts: item.counts },
    });
    return { entityType: item.entity_type, entityId: item.entity_id, counts: item.counts };
  });
}

/** Removes an item for good before its time, e.g. for a person's erasure request. Administrators only. */
export async function purgeItem(db: Db, actor: Actor, id: string, days: number, now = new Date()): Promise<void> {
  if (!canPurgeTrash(actor.role)) throw forbidden('Only an administrator can remove something from the trash for good');
  await db.transaction().execute(async (trx) => {
    const item = await loadItem(trx, actor, id, days, now);
    await repo.deleteTrashItem(trx, id);
    await eraseValues(trx, [{ entityType: auditType(item.entity_type), entityId: item.entity_id }]);
    // The label is not kept: an erasure request must not leave the name behind in the log.
    await recordAudit(trx, {
      userId: actor.id,
      action: 'purge',
      entityType: auditType(item.entity_type),
      entityId: item.entity_id,
      details: { trashId: id, kind: item.entity_type, counts: item.counts },
    });
  });
}

/** The scheduled purge: removes what has been in the trash longer than `days`; returns how many. */
export async function purgeExpired(db: Db, days: number, now = new Date()): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const gone = await repo.deleteExpired(trx, days, now);
    await eraseValues(
      trx,
      gone.map((g) => ({ entityType: auditType(g.entity_type), entityId: g.entity_id })),
    );
    await recordAudits(
      trx,
      gone.map((g) => ({
        userId: null,
        action: 'purge' as const,
        entityType: auditType(g.entity_type),
        entityId: g.entity_id,
        details: { trashId: g.id, kind: g.entity_type, reason: 'expired', days },
      })),
    );
    return gone.length;
  });
}
