import type { Db } from '../../db/database.js';
import type { Actor } from '../../access/actor.js';
import type { CustomValues } from '../../domain/custom-fields.js';
import { AppError, conflict } from '../../errors.js';
import { recordAudit } from '../audit/audit.repository.js';
import { replaceGovernorates, updateContact } from '../contacts/contacts.repository.js';
import { toContactValues, type ContactDraft } from '../contacts/contact-values.js';
import { nameWords, searchColumns } from '../search/search-columns.js';
import { addVocabulary } from '../search/search.repository.js';
import { assertMayWriteContacts } from '../../access/actor-access.js';
import * as directory from './import-contacts.repository.js';
import * as repo from './imports.repository.js';
import { loadBatch } from './imports.service.js';
import { toImportDto } from './import-dto.js';
import type { ImportDto } from './imports.schemas.js';

/**
 * Undoes a run import as a whole: deletes the contacts and positions it created and puts back the fields of the
 * contacts it merged into, only if none of them changed since (a newer version, deleted, or linked to anything
 * new). An import never run is simply discarded (returns null).
 */
export async function undoImport(db: Db, actor: Actor, id: string): Promise<ImportDto | null> {
  assertMayWriteContacts(actor);
  return db.transaction().execute(async (trx) => {
    const batch = await loadBatch(trx, actor, id, true);
    if (batch.status === 'undone') throw conflict('IMPORT_NOT_EDITABLE', 'This import was already undone');
    if (batch.status === 'committing') throw conflict('IMPORT_IN_PROGRESS', 'This import is running; wait for it to finish');
    const changes = await repo.listChanges(trx, id);
    if (changes.length === 0 && batch.status !== 'committed') {
      await repo.deleteBatch(trx, id);
      return null;
    }

    // A contact changed twice by one import (created, then merged into by a later row) is judged by its last version
    // and restored to its first state.
    const contacts = new Map<string, { created: boolean; before: ContactDraft | null; versionAfter: number }>();
    const positions: string[] = [];
    for (const c of changes) {
      if (c.entity_type === 'position') {
        positions.push(c.entity_id);
        continue;
      }
      const seen = contacts.get(c.entity_id);
      if (seen) seen.versionAfter = c.version_after!;
      else
        contacts.set(c.entity_id, {
          created: c.change === 'created',
          before: c.before as ContactDraft | null,
          versionAfter: c.version_after!,
        });
    }
    const ids = [...contacts.keys()];
    const versions = await directory.contactVersions(trx, ids);
    const created = ids.filter((i) => contacts.get(i)!.created);
    const linked = new Set(await directory.contactsWithLinks(trx, created, positions));
    const changedSince = ids.filter((i) => versions.get(i) !== contacts.get(i)!.versionAfter || linked.has(i));
    if (changedSince.length) {
      throw new AppError(
        409,
        'IMPORT_CHANGED_SINCE',
        `${changedSince.length} contact(s) from this import changed since; undo them by hand or leave the import`,
        changedSince.map((contactId) => ({ field: `contacts.${contactId}`, code: 'changed_since', message: 'changed after the import' })),
      );
    }

    await directory.deletePositions(trx, positions);
    const words: string[] = [];
    let restored = 0;
    for (const [contactId, c] of contacts) {
      if (c.created) continue;
      const values = toContactValues(c.before!);
      const columns = searchColumns(values);
      // Imports before custom fields kept no custom values: those contacts keep theirs.
      const custom = c.before!.customValues as CustomValues | undefined;
      if (!(await updateContact(trx, contactId, c.versionAfter, { ...values, ...columns }, actor.id, custom))) {
        throw conflict('IMPORT_CHANGED_SINCE', 'A contact from this import changed while undoing; try again');
      }
      await replaceGovernorates(trx, contactId, c.before!.governorates);
      words.push(...nameWords(columns.search_terms));
      restored += 1;
    }
    await addVocabulary(trx, words);
    const deleted = await directory.deleteContacts(trx, created);
    await directory.insertAuditRows(trx, actor.id, [
      ...created.map((contactId) => ({
        action: 'delete',
        entity_type: 'contact',
        entity_id: contactId,
        changed_fields: [],
        details: { importId: id, undo: true },
      })),
      ...ids
        .filter((i) => !contacts.get(i)!.created)
        .map((contactId) => ({
          action: 'update',
          entity_type: 'contact',
          entity_id: contactId,
          changed_fields: [],
          details: { importId: id, undo: true },
        })),
    ]);
    const result = { created: 0, updated: 0, skipped: 0, failed: 0, ...(batch.result ?? {}), undone: { deleted, restored } };
    await repo.updateBatch(trx, id, { status: 'undone', undoneAt: new Date(), result });
    await recordAudit(trx, { userId: actor.id, action: 'undo', entityType: 'import', entityId: id, details: { deleted, restored } });
    return toImportDto((await repo.findBatch(trx, id))!);
  });
}
