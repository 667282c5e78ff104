import type { Db } from '../../db/database.js';
import type { Actor } from '../../access/actor.js';
import { isPersonKind } from '../../domain/contact-kinds.js';
import { conflict, forbidden, invalid } from '../../errors.js';
import { fieldChanges } from '../../domain/history/field-changes.js';
import { recordAudit } from '../audit/audit.repository.js';
import * as repo from './contacts.repository.js';
import { assertMayFileIn, assertMayWriteContacts } from '../../access/actor-access.js';
import { loadVisibleContact } from '../../access/contact-access.js';
import {
  RESTRICTED_DETAIL_FIELDS,
  hidesRestrictedDetails,
  restrictedFieldKeys,
  visibleCustomValues,
} from '../../access/restricted-details.js';
import type { CustomFieldDef } from '../../domain/custom-fields.js';
import { activeFieldDefs } from '../custom-fields/custom-fields.service.js';
import { customValueChanges, nextCustomValues, writesAny } from './contact-custom-values.js';
import { deleteInteractionsWithoutParticipants, interactionIdsOfContact } from '../interactions/interactions.repository.js';
import { trashContact } from '../trash/trash-capture.js';
import { interactionsOnlyWith } from '../trash/trash.repository.js';
import type { ContactValues } from './contacts.repository.js';
import { nameWords, searchColumns } from '../search/search-columns.js';
import { addVocabulary } from '../search/search.repository.js';
import { changedColumns, filledColumns, toContactValues, type ContactDraft } from './contact-values.js';
import type { ContactDto, CreateContactInput, UpdateContactInput } from './contacts.schemas.js';

/** `fields` are the custom fields in use (activeFieldDefs): only their values are shown. */
export function toDto(row: repo.ContactRow, actor: Actor, fields: readonly CustomFieldDef[]): ContactDto {
  const hidden = hidesRestrictedDetails(actor, row);
  const parts = {
    ...(row.name_first ? { first: row.name_first } : {}),
    ...(row.name_father ? { father: row.name_father } : {}),
    ...(row.name_grandfather ? { grandfather: row.name_grandfather } : {}),
    ...(row.name_family ? { family: row.name_family } : {}),
  };
  return {
    id: row.id,
    kind: row.kind,
    subtype: row.subtype,
    name: row.name,
    nameLatin: row.name_latin,
    nameKu: row.name_ku,
    nameParts: isPersonKind(row.kind) && Object.keys(parts).length ? parts : null,
    gender: row.gender,
    governorates: row.governorates,
    ...(hidden ? {} : { phones: row.phones, emails: row.emails, notes: row.notes }),
    detailsHidden: hidden,
    focalPointWithoutPosition: row.focal_point_without_position,
    tags: row.tags,
    sensitivity: row.sensitivity,
    source: row.source,
    consentNote: row.consent_note,
    customValues: visibleCustomValues(actor, row, fields),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

/** A stored contact in the API's input shape, for code that edits it field by field (update, import, merge). */
export function toDraft(row: repo.ContactRow): ContactDraft {
  return {
    kind: row.kind,
    subtype: row.subtype,
    name: row.name,
    nameLatin: row.name_latin,
    nameKu: row.name_ku,
    nameParts: {
      ...(row.name_first ? { first: row.name_first } : {}),
      ...(row.name_father ? { father: row.name_father } : {}),
      ...(row.name_grandfather ? { grandfather: row.name_grandfather } : {}),
      ...(row.name_family ? { family: row.name_family } : {}),
    },
    gender: row.gender,
    governorates: row.governorates,
    phones: row.phones,
    emails: row.emails,
    tags: row.tags,
    notes: row.notes,
    sensitivity: row.sensitivity,
    source: row.source,
    consentNote: row.consent_note,
  };
}

/** The stored search keys of a contact, with its words added to the search vocabulary in the same transaction. */
export async function withSearchKeys(trx: Db, values: ContactValues) {
  const columns = searchColumns(values);
  await addVocabulary(trx, nameWords(columns.search_terms));
  return columns;
}

export function assertCreatedRange(range: { createdFrom?: string; createdTo?: string }) {
  if (range.createdFrom && range.createdTo && range.createdFrom > range.createdTo) {
    throw invalid([{ field: 'createdTo', code: 'before_start', message: 'createdTo must not be before createdFrom' }]);
  }
}

export async function getContact(db: Db, actor: Actor, id: string): Promise<ContactDto> {
  return db.transaction().execute(async (trx) => {
    const row = await loadVisibleContact(trx, actor, id);
    if (row.sensitivity === 'restricted') {
      await recordAudit(trx, { userId: actor.id, action: 'view', entityType: 'contact', entityId: id });
    }
    return toDto(row, actor, await activeFieldDefs(trx));
  });
}

export async function createContact(db: Db, actor: Actor, input: CreateContactInput): Promise<ContactDto> {
  assertMayWriteContacts(actor);
  assertMayFileIn(actor, input.governorates);
  const values = toContactValues(input);
  return db.transaction().execute(async (trx) => {
    const fields = await activeFieldDefs(trx);
    const id = await insertNewContact(trx, actor, input, values, fields);
    return toDto((await repo.findContact(trx, id))!, actor, fields);
  });
}

/**
 * The one create path, inside the caller's transaction (a walk-in's, saved with its invitation or not at all): the
 * same checks, stored form, search keys, history and audit as a contact created on its own. `details` tells the
 * history where it came from. Returns the new id.
 */
export async function createContactWithin(
  trx: Db,
  actor: Actor,
  input: CreateContactInput,
  details?: Record<string, unknown>,
): Promise<string> {
  assertMayWriteContacts(actor);
  assertMayFileIn(actor, input.governorates);
  return insertNewContact(trx, actor, input, toContactValues(input), await activeFieldDefs(trx), details);
}

async function insertNewContact(
  trx: Db,
  actor: Actor,
  input: CreateContactInput,
  values: ContactValues,
  fields: CustomFieldDef[],
  details?: Record<string, unknown>,
): Promise<string> {
  const custom = nextCustomValues(fields, values.kind, {}, input.customValues);
  const id = await repo.insertContact(trx, { ...values, ...(await withSearchKeys(trx, values)) }, input.governorates, actor.id, custom);
  const customChanges = customValueChanges({}, custom);
  await recordAudit(trx, {
    userId: actor.id,
    action: 'create',
    entityType: 'contact',
    entityId: id,
    changedFields: [...filledColumns(values), 'governorates', ...Object.keys(customChanges)],
    changes: {
      ...fieldChanges(null, values),
      ...fieldChanges({ governorates: [] }, { governorates: input.governorates }),
      ...customChanges,
    },
    ...(details ? { details } : {}),
  });
  return id;
}

export async function updateContact(db: Db, actor: Actor, id: string, input: UpdateContactInput): Promise<ContactDto> {
  assertMayWriteContacts(actor);
  return db.transaction().execute(async (trx) => {
    const current = await loadVisibleContact(trx, actor, id, true);
    if (current.version !== input.version) {
      throw conflict('CONFLICT', 'Someone else changed this contact since you opened it; reload and try again');
    }
    const fields = await activeFieldDefs(trx);
    // A caller who cannot see a restricted contact's details must not overwrite them blind, nor lift the restriction.
    if (hidesRestrictedDetails(actor, current)) {
      if (
        RESTRICTED_DETAIL_FIELDS.some((f) => input[f] !== undefined) ||
        input.sensitivity === 'normal' ||
        writesAny(input.customValues, restrictedFieldKeys(fields))
      ) {
        throw forbidden('Only a coordinator or an administrator can change the protected details of a restricted contact');
      }
    }
    const { version: _version, customValues: customInput, ...changes } = input;
    const draft: ContactDraft = { ...toDraft(current), ...changes };
    // Changing the kind drops what no longer applies rather than failing on it.
    if (changes.kind && changes.kind !== 'organization' && changes.subtype === undefined) draft.subtype = null;
    if (changes.kind && !isPersonKind(changes.kind) && changes.nameParts === undefined) draft.nameParts = null;
    if (changes.kind && !isPersonKind(changes.kind) && changes.gender === undefined) draft.gender = null;
    if (changes.governorates) assertMayFileIn(actor, changes.governorates);

    const before = toContactValues(toDraft(current));
    const after = toContactValues(draft);
    const changed: string[] = changedColumns(before, after);
    const governoratesChanged =
      changes.governorates !== undefined && [...changes.governorates].sort().join() !== [...current.governorates].sort().join();
    if (governoratesChanged) changed.push('governorates');
    const custom = nextCustomValues(fields, after.kind, current.custom_values, customInput);
    const customChanges = customValueChanges(current.custom_values, custom);
    changed.push(...Object.keys(customChanges));

    const searchKeys = await withSearchKeys(trx, after);
    if (!(await repo.updateContact(trx, id, current.version, { ...after, ...searchKeys }, actor.id, custom))) {
      throw conflict('CONFLICT', 'Someone else changed this contact since you opened it; reload and try again');
    }
    if (governoratesChanged) await repo.replaceGovernorates(trx, id, changes.governorates!);
    await recordAudit(trx, {
      userId: actor.id,
      action: 'update',
      entityType: 'contact',
      entityId: id,
      changedFields: changed,
      changes: {
        ...fieldChanges(before, after),
        ...(governoratesChanged ? fieldChanges({ governorates: current.governorates }, { governorates: changes.governorates }) : {}),
        ...customChanges,
      },
    });
    return toDto((await repo.findContact(trx, id))!, actor, fields);
  });
}

/** Moves the contact to the trash (see modules/trash) and answers the trash item's id, for an "Undo". */
export async function deleteContact(db: Db, actor: Actor, id: string, version: number | undefined): Promise<string> {
  assertMayWriteContacts(actor);
  return db.transaction().execute(async (trx) => {
    const current = await loadVisibleContact(trx, actor, id, true);
    if (version !== undefined && current.version !== version) {
      throw conflict('CONFLICT', 'Someone else changed this contact since you opened it; reload before deleting');
    }
    if (hidesRestrictedDetails(actor, current)) {
      throw forbidden('Only a coordinator or an administrator can delete a restricted contact');
    }
    const { trashId, emptied } = await moveContactToTrash(trx, actor, current);
    await recordAudit(trx, {
      userId: actor.id,
      action: 'delete',
      entityType: 'contact',
      entityId: id,
      details: {
        kind: current.kind,
        governorates: current.governorates,
        trashId,
        ...(emptied.length ? { deletedInteractions: emptied } : {}),
      },
    });
    return trashId;
  });
}

/**
 * The delete itself, inside the caller's transaction, for a contact the caller already loaded and may delete.
 * Positions, relationships and participant rows go with the contact (ON DELETE CASCADE); an interaction left with no
 * participant at all goes too. The trash keeps all of them first.
 */
export async function moveContactToTrash(
  trx: Db,
  actor: Actor,
  current: Pick<repo.ContactRow, 'id' | 'name' | 'sensitivity' | 'governorates'>,
): Promise<{ trashId: string; emptied: string[] }> {
  const interactionIds = await interactionIdsOfContact(trx, current.id);
  const trashId = await trashContact(trx, actor, current, await interactionsOnlyWith(trx, current.id));
  await repo.deleteContact(trx, current.id);
  return { trashId, emptied: await deleteInteractionsWithoutParticipants(trx, interactionIds) };
}
