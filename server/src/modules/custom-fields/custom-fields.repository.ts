import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { ContactKind } from '../../domain/contact-kinds.js';
import type { CustomFieldOption, CustomFieldType } from '../../domain/custom-fields.js';

export const CUSTOM_FIELD_COLUMNS = [
  'custom_field.id',
  'custom_field.key',
  'custom_field.type',
  'custom_field.kinds',
  'custom_field.label_ar',
  'custom_field.label_en',
  'custom_field.options',
  'custom_field.restricted',
  'custom_field.position',
  'custom_field.archived_at',
  'custom_field.created_at',
  'custom_field.updated_at',
  'custom_field.version',
] as const;

export interface CustomFieldRow {
  id: string;
  key: string;
  type: CustomFieldType;
  kinds: ContactKind[];
  label_ar: string;
  label_en: string;
  options: CustomFieldOption[];
  restricted: boolean;
  position: number;
  archived_at: Date | null;
  created_at: Date;
  updated_at: Date;
  version: number;
}

export interface CustomFieldValues {
  kinds: ContactKind[];
  label_ar: string;
  label_en: string;
  options: CustomFieldOption[];
  restricted: boolean;
  position: number;
}

/** In the order forms and tables show them. */
export async function listCustomFields(db: Db, withArchived: boolean): Promise<CustomFieldRow[]> {
  return db
    .selectFrom('custom_field')
    .select(CUSTOM_FIELD_COLUMNS)
    .$if(!withArchived, (qb) => qb.where('archived_at', 'is', null))
    .orderBy('position')
    .orderBy('key')
    .execute();
}

export async function findCustomField(db: Db, id: string, forUpdate = false): Promise<CustomFieldRow | undefined> {
  return db
    .selectFrom('custom_field')
    .select(CUSTOM_FIELD_COLUMNS)
    .where('id', '=', id)
    .$if(forUpdate, (qb) => qb.forUpdate())
    .executeTakeFirst();
}

/** Returns undefined when the key is taken, archived fields included (their values still use it). */
export async function insertCustomField(
  db: Db,
  values: CustomFieldValues & { key: string; type: CustomFieldType },
): Promise<string | undefined> {
  const row = await db
    .insertInto('custom_field')
    .values({ ...values, options: JSON.stringify(values.options) })
    .onConflict((oc) => oc.column('key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

/** Returns false when the version moved on since it was read. */
export async function updateCustomField(
  db: Db,
  id: string,
  expectedVersion: number,
  values: CustomFieldValues & { archived_at: Date | null },
): Promise<boolean> {
  const result = await db
    .updateTable('custom_field')
    .set((eb) => ({ ...values, options: JSON.stringify(values.options), updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Removes the field's values from every contact; contacts' versions are left alone (no user edited them). */
export async function clearValues(db: Db, key: string): Promise<number> {
  const result = await db
    .updateTable('contact')
    .set({ custom_values: sql`custom_values - ${key}` as never })
    .where(sql<boolean>`custom_values ? ${key}`)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function deleteCustomField(db: Db, id: string): Promise<void> {
  await db.deleteFrom('custom_field').where('id', '=', id).execute();
}

/** Which of these options some contact's value of the field uses (choice: the value; choices: one of the list). */
export async function optionsInUse(db: Db, key: string, options: string[]): Promise<string[]> {
  const { rows } = await sql<{ option: string }>`
    SELECT o.option FROM unnest(${sql.val(options)}::text[]) AS o(option)
    WHERE EXISTS (SELECT 1 FROM contact WHERE custom_values @> jsonb_build_object(${key}::text, o.option)
                  OR custom_values @> jsonb_build_object(${key}::text, jsonb_build_array(o.option)))`.execute(db);
  return rows.map((r) => r.option);
}
