import { sql } from 'kysely';
import { findContactsByIds, type ContactRow, type ContactValues } from '../contacts/contacts.repository.js';
import type { SearchColumns } from '../search/search-columns.js';
import type { Db } from '../../db/database.js';
import type { CustomValues } from '../../domain/custom-fields.js';

/**
 * What an import writes to the directory itself, besides the new contacts (contacts.repository's bulk insert): positions,
 * merges, their audit rows, and the undo of them.
 */
const CHUNK = 1000;
const json = (value: unknown) => JSON.stringify(value);

/** Existing organisations and volunteer teams by whole-name key, for the organisation column. */
export async function findOrganizationsByKeys(db: Db, keys: string[]): Promise<{ id: string; name_key: string }[]> {
  if (keys.length === 0) return [];
  const { rows } = await sql<{ id: string; name_key: string }>`
    SELECT c.id, k.name_key FROM contact_match_key k JOIN contact c ON c.id = k.contact_id
    WHERE k.name_key = ANY(${keys}::text[]) AND c.kind IN ('organization', 'volunteer_team')
    ORDER BY c.created_at, c.id`.execute(db);
  return rows;
}

export interface NewPosition {
  person_id: string;
  organization_id: string;
  title: string;
}

export async function insertPositions(db: Db, positions: NewPosition[]): Promise<string[]> {
  if (positions.length === 0) return [];
  const rows = await db.insertInto('position').values(positions).returning('id').execute();
  return rows.map((r) => r.id);
}

/** People among `personIds` who already hold a current position in the organisation paired with them. */
export async function currentPositionPairs(db: Db, pairs: { person_id: string; organization_id: string }[]): Promise<Set<string>> {
  if (pairs.length === 0) return new Set();
  const rows = await db
    .selectFrom('position')
    .select(['person_id', 'organization_id'])
    .where('end_date', 'is', null)
    .where(
      'person_id',
      'in',
      pairs.map((p) => p.person_id),
    )
    .execute();
  return new Set(rows.map((r) => `${r.person_id}|${r.organization_id}`));
}

export interface AuditRow {
  action: string;
  entity_type: string;
  entity_id: string | null;
  changed_fields: string[];
  details: Record<string, unknown> | null;
}

/** The audit rows of many contact changes in one statement, in the transaction of the changes. */
export async function insertAuditRows(db: Db, userId: string, rows: AuditRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db
      .insertInto('audit_log')
      .values(rows.slice(i, i + CHUNK).map((r) => ({ ...r, user_id: userId, details: r.details ? json(r.details) : null })))
      .execute();
  }
}

export async function contactVersions(db: Db, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('contact').select(['id', 'version']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.version]));
}

export async function deleteContacts(db: Db, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await db.deleteFrom('contact').where('id', 'in', ids).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function deletePositions(db: Db, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.deleteFrom('position').where('id', 'in', ids).execute();
}

/** Contacts among `ids` that gained links since (positions other than `ownPositions`, relationships, interactions, invitations). */
export async function contactsWithLinks(db: Db, ids: string[], ownPositions: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const { rows } = await sql<{ id: string }>`
    SELECT c.id FROM contact c WHERE c.id = ANY(${ids}::uuid[]) AND (
      EXISTS (SELECT 1 FROM "position" p WHERE (p.person_id = c.id OR p.organization_id = c.id) AND p.id <> ALL(${ownPositions}::uuid[]))
      OR EXISTS (SELECT 1 FROM relationship r WHERE r.from_contact_id = c.id OR r.to_contact_id = c.id)
      OR EXISTS (SELECT 1 FROM interaction_participant ip WHERE ip.contact_id = c.id)
      OR EXISTS (SELECT 1 FROM invitation i WHERE i.contact_id = c.id OR i.representative_id = c.id))`.execute(db);
  return rows.map((r) => r.id);
}

/** Locks the contacts (in id order, so two imports cannot deadlock) and reads them whole. */
export async function lockContacts(db: Db, ids: string[]): Promise<ContactRow[]> {
  const unique = [...new Set(ids)].sort();
  if (unique.length === 0) return [];
  await db.selectFrom('contact').select('id').where('id', 'in', unique).orderBy('id').forUpdate().execute();
  return findContactsByIds(db, unique);
}

export interface ContactUpdate {
  id: string;
  /** The version read (and locked) before the change: the row is only written if it still has it. */
  version: number;
  values: ContactValues & SearchColumns;
  /** The custom values to store; absent leaves them as they are. */
  customValues?: CustomValues;
}

/** Many contact updates in one statement (an import batch's merges); returns the ids written. */
export async function updateContacts(db: Db, updates: ContactUpdate[], userId: string): Promise<string[]> {
  if (updates.length === 0) return [];
  const { rows } = await sql<{ id: string }>`
    UPDATE contact c SET kind = v.kind, subtype = v.subtype, name = v.name, name_latin = v.name_latin,
      name_ku = v.name_ku, name_first = v.name_first, name_father = v.name_father, name_grandfather = v.name_grandfather,
      name_family = v.name_family, gender = v.gender, phones = v.phones, emails = v.emails, tags = v.tags,
      notes = v.notes, sensitivity = v.sensitivity, source = v.source, consent_note = v.consent_note,
      search_terms = v.search_terms, phone_digits = v.phone_digits, search_version = v.search_version,
      custom_values = coalesce(v.custom_values, c.custom_values),
      updated_by = ${userId}, updated_at = now(), version = c.version + 1
    FROM jsonb_to_recordset(${json(updates.map((u) => ({ id: u.id, version: u.version, ...u.values, custom_values: u.customValues ?? null })))}::jsonb) AS v(
      id uuid, version int, kind text, subtype text, name text, name_latin text, name_ku text, name_first text,
      name_father text, name_grandfather text, name_family text, gender text, phones text[], emails text[], tags text[],
      notes text, sensitivity text, source text, consent_note text, search_terms text[], phone_digits text,
      search_version int, custom_values jsonb)
    WHERE c.id = v.id AND c.version = v.version
    RETURNING c.id`.execute(db);
  return rows.map((r) => r.id);
}

export async function replaceGovernoratesOf(db: Db, contacts: { id: string; governorates: string[] }[]): Promise<void> {
  if (contacts.length === 0) return;
  await db
    .deleteFrom('contact_governorate')
    .where(
      'contact_id',
      'in',
      contacts.map((c) => c.id),
    )
    .execute();
  await db
    .insertInto('contact_governorate')
    .values(contacts.flatMap((c) => c.governorates.map((code) => ({ contact_id: c.id, governorate_code: code }))))
    .execute();
}
