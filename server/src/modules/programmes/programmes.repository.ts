import { sql } from 'kysely';
import type { Db } from '../../db/database.js';

export interface ProgrammeRow {
  id: string;
  name_ar: string;
  name_en: string | null;
  name_ku: string | null;
  starts_on: string;
  ends_on: string | null;
  goals: string | null;
  created_by: string | null;
  created_by_name: string | null;
  created_at: Date;
  updated_at: Date;
  version: number;
  governorates: string[];
  donor_ids: string[];
  event_count: number;
  interaction_count: number;
  task_count: number;
  participant_count: number;
}

export interface ProgrammeValues {
  name_ar: string;
  name_en: string | null;
  name_ku: string | null;
  starts_on: string;
  ends_on: string | null;
  goals: string | null;
}

const count = (table: string) => sql<number>`(SELECT count(*) FROM ${sql.table(table)} x WHERE x.programme_id = p.id)::int`;
/** A participant counts once however many roles they have. */
const participantCount = sql<number>`(SELECT count(DISTINCT x.contact_id) FROM programme_participant x WHERE x.programme_id = p.id)::int`;

function selectProgrammes(db: Db) {
  return db
    .selectFrom('programme as p')
    .leftJoin('app_user as u', 'u.id', 'p.created_by')
    .select(['p.id', 'p.name_ar', 'p.name_en', 'p.name_ku', 'p.goals', 'p.created_by', 'p.created_at', 'p.updated_at', 'p.version'])
    .select([
      sql<string>`p.starts_on::text`.as('starts_on'),
      sql<string | null>`p.ends_on::text`.as('ends_on'),
      'u.name as created_by_name',
      sql<string[]>`array(SELECT g.governorate_code FROM programme_governorate g WHERE g.programme_id = p.id ORDER BY 1)`.as(
        'governorates',
      ),
      sql<string[]>`array(SELECT d.contact_id FROM programme_donor d JOIN contact c ON c.id = d.contact_id
        WHERE d.programme_id = p.id ORDER BY c.name, c.id)`.as('donor_ids'),
      count('event_programme').as('event_count'),
      count('interaction_programme').as('interaction_count'),
      count('task_programme').as('task_count'),
      participantCount.as('participant_count'),
    ]);
}

export async function findProgramme(db: Db, id: string, forUpdate = false): Promise<ProgrammeRow | undefined> {
  return selectProgrammes(db)
    .where('p.id', '=', id)
    .$if(forUpdate, (qb) => qb.forUpdate('p'))
    .executeTakeFirst();
}

/** Programmes in `scope` (null: all), the newest start first. */
export async function listProgrammes(
  db: Db,
  q: { scope: string[] | null; governorate?: string; limit: number; offset: number },
): Promise<{ rows: ProgrammeRow[]; total: number }> {
  const inGovernorates = (codes: string[]) =>
    sql<boolean>`EXISTS (SELECT 1 FROM programme_governorate g WHERE g.programme_id = p.id AND g.governorate_code = ANY(${codes}::text[]))`;
  let base = db.selectFrom('programme as p');
  if (q.scope !== null) base = base.where(inGovernorates(q.scope));
  if (q.governorate) base = base.where(inGovernorates([q.governorate]));
  const { total } = await base.select(sql<number>`count(*)::int`.as('total')).executeTakeFirstOrThrow();
  let rows = selectProgrammes(db);
  if (q.scope !== null) rows = rows.where(inGovernorates(q.scope));
  if (q.governorate) rows = rows.where(inGovernorates([q.governorate]));
  return {
    rows: await rows.orderBy('p.starts_on', 'desc').orderBy('p.name_ar').orderBy('p.id').limit(q.limit).offset(q.offset).execute(),
    total,
  };
}

export async function insertProgramme(db: Db, values: ProgrammeValues, createdBy: string): Promise<string> {
  const row = await db
    .insertInto('programme')
    .values({ ...values, created_by: createdBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** False when the version moved on (a concurrent update). */
export async function updateProgramme(db: Db, id: string, version: number, values: Partial<ProgrammeValues>): Promise<boolean> {
  const result = await db
    .updateTable('programme')
    .set({ ...values, updated_at: sql`now()`, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export async function replaceGovernorates(db: Db, id: string, codes: string[]): Promise<void> {
  await db.deleteFrom('programme_governorate').where('programme_id', '=', id).execute();
  if (codes.length) {
    await db
      .insertInto('programme_governorate')
      .values(codes.map((code) => ({ programme_id: id, governorate_code: code })))
      .execute();
  }
}

export async function replaceDonors(db: Db, id: string, contactIds: string[]): Promise<void> {
  await db.deleteFrom('programme_donor').where('programme_id', '=', id).execute();
  if (contactIds.length) {
    await db
      .insertInto('programme_donor')
      .values(contactIds.map((contactId) => ({ programme_id: id, contact_id: contactId })))
      .execute();
  }
}

export async function deleteProgramme(db: Db, id: string): Promise<void> {
  await db.deleteFrom('programme').where('id', '=', id).execute();
}

export interface DonorRow {
  id: string;
  name: string;
  name_latin: string | null;
  governorates: string[];
}

export async function findDonors(db: Db, ids: string[]): Promise<DonorRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('contact as c')
    .select(['c.id', 'c.name', 'c.name_latin'])
    .select(
      sql<string[]>`array(SELECT cg.governorate_code FROM contact_governorate cg WHERE cg.contact_id = c.id ORDER BY 1)`.as('governorates'),
    )
    .where('c.id', 'in', [...new Set(ids)])
    .execute();
}
