import { sql, type Expression, type SqlBool, type ExpressionBuilder } from 'kysely';
import type { Db } from '../../db/database.js';
import type { DB } from '../../db/types.js';
import type { ContactKind, Gender, OrganizationSubtype, Sensitivity } from '../../domain/contact-kinds.js';
import type { SearchColumns } from '../search/search-columns.js';
import { createdWithin } from '../../db/created-within.js';
import type { CustomValues } from '../../domain/custom-fields.js';

export const CONTACT_COLUMNS = [
  'contact.id',
  'contact.kind',
  'contact.subtype',
  'contact.name',
  'contact.name_latin',
  'contact.name_ku',
  'contact.name_first',
  'contact.name_father',
  'contact.name_grandfather',
  'contact.name_family',
  'contact.gender',
  'contact.phones',
  'contact.emails',
  'contact.tags',
  'contact.notes',
  'contact.sensitivity',
  'contact.source',
  'contact.consent_note',
  'contact.custom_values',
  'contact.created_at',
  'contact.updated_at',
  'contact.version',
] as const;

export interface ContactValues {
  kind: ContactKind;
  subtype: OrganizationSubtype | null;
  name: string;
  name_latin: string | null;
  name_ku: string | null;
  name_first: string | null;
  name_father: string | null;
  name_grandfather: string | null;
  name_family: string | null;
  gender: Gender | null;
  phones: string[];
  emails: string[];
  tags: string[];
  notes: string | null;
  sensitivity: Sensitivity;
  source: string | null;
  consent_note: string | null;
}

export type ContactRow = ContactValues & {
  id: string;
  custom_values: CustomValues;
  focal_point_without_position: boolean;
  created_at: Date;
  updated_at: Date;
  version: number;
  governorates: string[];
};

export interface ContactFilter {
  kind?: ContactKind;
  governorate?: string;
  sensitivity?: Sensitivity;
  createdFrom?: string;
  createdTo?: string;
  /** Scoped users see only contacts in these governorates. */
  visibleGovernorates: string[] | null;
  limit: number;
  offset: number;
}

/** A government focal point with no current position: the office lost its contact person, or it was never filed. */
const focalPointWithoutPosition = sql<boolean>`(contact.kind = 'government_focal_point' AND NOT EXISTS (
  SELECT 1 FROM "position" p WHERE p.person_id = contact.id AND p.end_date IS NULL))`.as('focal_point_without_position');

function governoratesOf(eb: ExpressionBuilder<DB, 'contact'>) {
  return sql<string[]>`array(${eb
    .selectFrom('contact_governorate as cg')
    .select('cg.governorate_code')
    .whereRef('cg.contact_id', '=', 'contact.id')
    .orderBy('cg.governorate_code')})`.as('governorates');
}

function inGovernorates(eb: ExpressionBuilder<DB, 'contact'>, codes: string[]): Expression<SqlBool> {
  return eb.exists(
    eb
      .selectFrom('contact_governorate as cg')
      .select(sql.lit(1).as('one'))
      .whereRef('cg.contact_id', '=', 'contact.id')
      .where('cg.governorate_code', 'in', codes),
  );
}

function filtered(db: Db, f: ContactFilter) {
  return db
    .selectFrom('contact')
    .$if(f.kind !== undefined, (qb) => qb.where('contact.kind', '=', f.kind!))
    .$if(f.sensitivity !== undefined, (qb) => qb.where('contact.sensitivity', '=', f.sensitivity!))
    .$if(f.governorate !== undefined, (qb) => qb.where((eb) => inGovernorates(eb, [f.governorate!])))
    .$if(f.createdFrom !== undefined || f.createdTo !== undefined, (qb) => qb.where((eb) => eb.and(createdWithin(f))))
    .$if(f.visibleGovernorates !== null, (qb) => qb.where((eb) => inGovernorates(eb, f.visibleGovernorates!)));
}

export async function listContacts(db: Db, f: ContactFilter): Promise<{ rows: ContactRow[]; total: number }> {
  const [rows, count] = await Promise.all([
    filtered(db, f)
      .select(CONTACT_COLUMNS)
      .select((eb) => [governoratesOf(eb), focalPointWithoutPosition])
      .orderBy('contact.name')
      .orderBy('contact.id')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    filtered(db, f)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Full rows for the given ids, in the order of the ids (a search's ranking). */
export async function findContactsByIds(db: Db, ids: string[]): Promise<ContactRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('contact')
    .select(CONTACT_COLUMNS)
    .select((eb) => [governoratesOf(eb), focalPointWithoutPosition])
    .where('contact.id', 'in', ids)
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is ContactRow => r !== undefined);
}

export async function findContact(db: Db, id: string, forUpdate = false): Promise<ContactRow | undefined> {
  return db
    .selectFrom('contact')
    .select(CONTACT_COLUMNS)
    .select((eb) => [governoratesOf(eb), focalPointWithoutPosition])
    .where('contact.id', '=', id)
    .$if(forUpdate, (qb) => qb.forUpdate())
    .executeTakeFirst();
}

export async function insertContact(
  db: Db,
  values: ContactValues & SearchColumns,
  governorates: string[],
  userId: string,
  customValues: CustomValues = {},
): Promise<string> {
  const { id } = await db
    .insertInto('contact')
    .values({ ...values, custom_values: JSON.stringify(customValues), created_by: userId, updated_by: userId })
    .returning('id')
    .executeTakeFirstOrThrow();
  await replaceGovernorates(db, id, governorates);
  return id;
}

/** Returns false when the row's version moved on since it was read: the caller refuses the stale write. */
export async function updateContact(
  db: Db,
  id: string,
  expectedVersion: number,
  values: ContactValues & SearchColumns,
  userId: string,
  customValues?: CustomValues,
): Promise<boolean> {
  const custom = customValues === undefined ? {} : { custom_values: JSON.stringify(customValues) };
  const result = await db
    .updateTable('contact')
    .set((eb) => ({ ...values, ...custom, updated_by: userId, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export async function replaceGovernorates(db: Db, contactId: string, codes: string[]): Promise<void> {
  await db.deleteFrom('contact_governorate').where('contact_id', '=', contactId).execute();
  await db
    .insertInto('contact_governorate')
    .values(codes.map((code) => ({ contact_id: contactId, governorate_code: code })))
    .execute();
}

export async function deleteContact(db: Db, id: string): Promise<boolean> {
  const result = await db.deleteFrom('contact').where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows === 1n;
}

export interface BulkContact {
  values: ContactValues & SearchColumns;
  governorates: string[];
  customValues?: CustomValues;
}

/**
 * Inserts many contacts with two multi-row statements: an import batch's new contacts (created by the import's user)
 * and generated benchmark and test directories (no user). Callers own the transaction and write the audit rows, if any.
 */
export async function insertContactsBulk(db: Db, contacts: BulkContact[], createdBy: string | null = null): Promise<string[]> {
  if (contacts.length === 0) return [];
  const ids = await db
    .insertInto('contact')
    .values(
      contacts.map((c) => ({
        ...c.values,
        custom_values: JSON.stringify(c.customValues ?? {}),
        ...(createdBy === null ? {} : { created_by: createdBy, updated_by: createdBy }),
      })),
    )
    .returning('id')
    .execute();
  await db
    .insertInto('contact_governorate')
    .values(contacts.flatMap((c, i) => c.governorates.map((code) => ({ contact_id: ids[i].id, governorate_code: code }))))
    .execute();
  return ids.map((r) => r.id);
}
