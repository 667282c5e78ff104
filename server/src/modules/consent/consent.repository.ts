import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { ConsentBasis, ConsentFileType, ConsentKind, ConsentScope } from '../../domain/consent.js';

export interface ConsentRecordRow {
  id: string;
  contact_id: string;
  kind: ConsentKind;
  basis: ConsentBasis;
  scopes: ConsentScope[];
  recorded_on: string;
  note: string | null;
  recorded_by: string | null;
  recorded_by_name: string | null;
  created_at: Date;
  file_mime: ConsentFileType | null;
  file_size: number | null;
  file_sha256: string | null;
}

/** Records of these contacts (all when `contactIds` is null, for the full export), oldest first. */
export async function listConsentRecords(db: Db, contactIds: string[] | null): Promise<ConsentRecordRow[]> {
  if (contactIds !== null && contactIds.length === 0) return [];
  let query = db
    .selectFrom('consent_record')
    .leftJoin('app_user', 'app_user.id', 'consent_record.recorded_by')
    .leftJoin('consent_file', 'consent_file.record_id', 'consent_record.id')
    .select([
      'consent_record.id',
      'consent_record.contact_id',
      'consent_record.kind',
      'consent_record.basis',
      'consent_record.scopes',
      sql<string>`consent_record.recorded_on::text`.as('recorded_on'),
      'consent_record.note',
      'consent_record.recorded_by',
      'app_user.name as recorded_by_name',
      'consent_record.created_at',
      'consent_file.mime as file_mime',
      'consent_file.size as file_size',
      'consent_file.sha256 as file_sha256',
    ])
    .orderBy('consent_record.recorded_on')
    .orderBy('consent_record.created_at');
  if (contactIds !== null) query = query.where('consent_record.contact_id', 'in', contactIds);
  return query.execute();
}

export async function insertConsentRecord(
  db: Db,
  values: {
    contact_id: string;
    kind: ConsentKind;
    basis: ConsentBasis;
    scopes: ConsentScope[];
    recorded_on: string;
    note: string | null;
    recorded_by: string;
  },
): Promise<string> {
  const row = await db.insertInto('consent_record').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function insertConsentFile(
  db: Db,
  file: { record_id: string; mime: ConsentFileType; size: number; sha256: string; bytes: Buffer },
) {
  await db.insertInto('consent_file').values(file).execute();
}

export async function findConsentFile(db: Db, recordId: string) {
  return db
    .selectFrom('consent_file')
    .innerJoin('consent_record', 'consent_record.id', 'consent_file.record_id')
    .select([
      'consent_file.record_id',
      'consent_record.contact_id',
      'consent_file.mime',
      'consent_file.size',
      'consent_file.sha256',
      'consent_file.bytes',
    ])
    .where('consent_file.record_id', '=', recordId)
    .executeTakeFirst();
}

export async function findConsentRecordContact(db: Db, recordId: string): Promise<string | undefined> {
  const row = await db.selectFrom('consent_record').select('contact_id').where('id', '=', recordId).executeTakeFirst();
  return row?.contact_id;
}
