import type { Db } from '../../db/database.js';
import type { Actor } from '../../access/actor.js';
import type { CustomFieldDef } from '../../domain/custom-fields.js';
import { stripBidiControls } from '../../domain/text/clean-text.js';
import { fieldChanges } from '../../domain/history/field-changes.js';
import { conflict, invalid, notFound } from '../../errors.js';
import { assertMayChangeSettings } from '../../access/actor-access.js';
import { recordAudit } from '../audit/audit.repository.js';
import * as repo from './custom-fields.repository.js';
import type {
  CreateCustomFieldInput,
  CustomFieldDto,
  CustomFieldListDto,
  CustomFieldOptionSchema,
  UpdateCustomFieldInput,
} from './custom-fields.schemas.js';
import type { Static } from 'typebox';

const STALE = 'Someone else changed this custom field since you opened it; reload and try again';
const ONLY_ADMIN = 'Only an administrator defines custom fields';

export function toCustomFieldDto(row: repo.CustomFieldRow): CustomFieldDto {
  return {
    id: row.id,
    key: row.key,
    type: row.type,
    kinds: row.kinds,
    labelAr: row.label_ar,
    labelEn: row.label_en,
    options: row.options,
    restricted: row.restricted,
    position: row.position,
    archived: row.archived_at !== null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

export const toDef = (row: repo.CustomFieldRow): CustomFieldDef => ({
  key: row.key,
  type: row.type,
  kinds: row.kinds,
  options: row.options,
  restricted: row.restricted,
  labelAr: row.label_ar,
  labelEn: row.label_en,
});

/** The fields in use (not archived), for validating, showing, filtering, importing and exporting contacts. */
export async function activeFieldDefs(db: Db): Promise<CustomFieldDef[]> {
  return (await repo.listCustomFields(db, false)).map(toDef);
}

export async function listCustomFields(db: Db, actor: Actor, withArchived: boolean): Promise<CustomFieldListDto> {
  if (withArchived) assertMayChangeSettings(actor, 'Only an administrator sees archived custom fields');
  return { items: (await repo.listCustomFields(db, withArchived)).map(toCustomFieldDto) };
}

const label = (text: string) => stripBidiControls(text).trim();
type Option = Static<typeof CustomFieldOptionSchema>;

/** Choice fields need options, with distinct values; other types take none. */
function cleanOptions(type: string, options: Option[] | undefined): Option[] {
  const list = (options ?? []).map((o) => ({ value: o.value, labelAr: label(o.labelAr), labelEn: label(o.labelEn) }));
  const choice = type === 'choice' || type === 'choices';
  if (choice && list.length === 0) throw invalid([{ field: 'options', code: 'required', message: 'a choice field needs options' }]);
  if (!choice && list.length > 0) {
    throw invalid([{ field: 'options', code: 'not_allowed', message: 'only choice fields have options' }]);
  }
  const repeated = list.findIndex((o, i) => list.findIndex((p) => p.value === o.value) !== i);
  if (repeated >= 0) throw invalid([{ field: `options.${repeated}.value`, code: 'duplicate', message: 'is listed twice' }]);
  return list;
}

export async function createCustomField(db: Db, actor: Actor, input: CreateCustomFieldInput): Promise<CustomFieldDto> {
  assertMayChangeSettings(actor, ONLY_ADMIN);
  const values = {
    key: input.key,
    type: input.type,
    kinds: input.kinds,
    label_ar: label(input.labelAr),
    label_en: label(input.labelEn),
    options: cleanOptions(input.type, input.options),
    restricted: input.restricted ?? false,
    position: input.position ?? 0,
  };
  return db.transaction().execute(async (trx) => {
    const id = await repo.insertCustomField(trx, values);
    if (!id) throw conflict('CUSTOM_FIELD_EXISTS', `A custom field with the key "${input.key}" already exists (perhaps archived)`);
    await recordAudit(trx, { userId: actor.id, action: 'create', entityType: 'custom_field', entityId: id, details: values });
    return toCustomFieldDto((await repo.findCustomField(trx, id))!);
  });
}

async function loadForChange(trx: Db, id: string, version: number): Promise<repo.CustomFieldRow> {
  const current = await repo.findCustomField(trx, id, true);
  if (!current) throw notFound('Custom field');
  if (current.version !== version) throw conflict('CONFLICT', STALE);
  return current;
}

export async function updateCustomField(db: Db, actor: Actor, id: string, input: UpdateCustomFieldInput): Promise<CustomFieldDto> {
  assertMayChangeSettings(actor, ONLY_ADMIN);
  return db.transaction().execute(async (trx) => {
    const current = await loadForChange(trx, id, input.version);
    const options = input.options === undefined ? current.options : cleanOptions(current.type, input.options);
    // Values already stored must stay valid: an option in use cannot be taken away (archive the field instead).
    const removed = current.options.filter((o) => !options.some((p) => p.value === o.value)).map((o) => o.value);
    if (removed.length && (await repo.optionsInUse(trx, current.key, removed)).length) {
      throw invalid([{ field: 'options', code: 'in_use', message: 'an option some contacts have cannot be removed' }]);
    }
    const before = { kinds: current.kinds, label_ar: current.label_ar, label_en: current.label_en, options: current.options };
    const after = {
      kinds: input.kinds ?? current.kinds,
      label_ar: input.labelAr === undefined ? current.label_ar : label(input.labelAr),
      label_en: input.labelEn === undefined ? current.label_en : label(input.labelEn),
      options,
      restricted: input.restricted ?? current.restricted,
      position: input.position ?? current.position,
    };
    const archivedAt = input.archived === undefined ? current.archived_at : input.archived ? (current.archived_at ?? new Date()) : null;
    if (!(await repo.updateCustomField(trx, id, current.version, { ...after, archived_at: archivedAt }))) {
      throw conflict('CONFLICT', STALE);
    }
    await recordAudit(trx, {
      userId: actor.id,
      action: 'update',
      entityType: 'custom_field',
      entityId: id,
      changedFields: Object.keys(
        fieldChanges(
          { ...before, restricted: current.restricted, position: current.position, archived: current.archived_at !== null },
          { ...after, archived: archivedAt !== null },
        ),
      ),
      details: { key: current.key },
    });
    return toCustomFieldDto((await repo.findCustomField(trx, id))!);
  });
}

/** DELETE archives: the field leaves forms, tables and exports, and its values stay until purged. */
export async function archiveCustomField(db: Db, actor: Actor, id: string, version: number): Promise<void> {
  assertMayChangeSettings(actor, ONLY_ADMIN);
  await db.transaction().execute(async (trx) => {
    const current = await loadForChange(trx, id, version);
    if (current.archived_at) return;
    if (!(await repo.updateCustomField(trx, id, version, { ...toValues(current), archived_at: new Date() }))) {
      throw conflict('CONFLICT', STALE);
    }
    await recordAudit(trx, { userId: actor.id, action: 'delete', entityType: 'custom_field', entityId: id, details: { key: current.key } });
  });
}

const toValues = (row: repo.CustomFieldRow): repo.CustomFieldValues => ({
  kinds: row.kinds,
  label_ar: row.label_ar,
  label_en: row.label_en,
  options: row.options,
  restricted: row.restricted,
  position: row.position,
});

/** Removes an archived field and every contact's value of it, for good. */
export async function purgeCustomField(db: Db, actor: Actor, id: string, version: number): Promise<{ contactsCleared: number }> {
  assertMayChangeSettings(actor, ONLY_ADMIN);
  return db.transaction().execute(async (trx) => {
    const current = await loadForChange(trx, id, version);
    if (!current.archived_at) {
      throw conflict('CUSTOM_FIELD_NOT_ARCHIVED', 'Archive the custom field before purging its values');
    }
    const contactsCleared = await repo.clearValues(trx, current.key);
    await repo.deleteCustomField(trx, id);
    await recordAudit(trx, {
      userId: actor.id,
      action: 'purge',
      entityType: 'custom_field',
      entityId: id,
      details: { key: current.key, contactsCleared },
    });
    return { contactsCleared };
  });
}
