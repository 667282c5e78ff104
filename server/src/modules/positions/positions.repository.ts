import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { contactInScope } from '../contact-refs/contact-refs.repository.js';
import type { ContactKind } from '../../domain/contact-kinds.js';

export interface PositionRow {
  id: string;
  person_id: string;
  person_name: string;
  person_kind: ContactKind;
  organization_id: string;
  organization_name: string;
  organization_kind: ContactKind;
  title: string;
  is_focal_point: boolean;
  start_date: string | null;
  end_date: string | null;
  note: string | null;
  created_at: Date;
  updated_at: Date;
  version: number;
}

export interface PositionValues {
  title: string;
  is_focal_point: boolean;
  start_date: string | null;
  end_date: string | null;
  note: string | null;
}

export interface PositionFilter {
  /** Either side: positions this contact holds or positions in this organisation. */
  contact?: string;
  organization?: string;
  person?: string;
  current?: boolean;
  focalPoint?: boolean;
  /** Scoped users see only positions whose person and organisation are both in these governorates. */
  visibleGovernorates: string[] | null;
}

function selectPositions(db: Db) {
  return db
    .selectFrom('position')
    .innerJoin('contact as person', 'person.id', 'position.person_id')
    .innerJoin('contact as org', 'org.id', 'position.organization_id')
    .select([
      'position.id',
      'position.person_id',
      'person.name as person_name',
      'person.kind as person_kind',
      'position.organization_id',
      'org.name as organization_name',
      'org.kind as organization_kind',
      'position.title',
      'position.is_focal_point',
      sql<string | null>`position.start_date::text`.as('start_date'),
      sql<string | null>`position.end_date::text`.as('end_date'),
      'position.note',
      'position.created_at',
      'position.updated_at',
      'position.version',
    ]);
}

/** Current positions first, then the most recent start first: an office's history reads top-down. */
export async function listPositions(db: Db, f: PositionFilter): Promise<PositionRow[]> {
  return selectPositions(db)
    .$if(f.contact !== undefined, (qb) =>
      qb.where((eb) => eb.or([eb('position.person_id', '=', f.contact!), eb('position.organization_id', '=', f.contact!)])),
    )
    .$if(f.organization !== undefined, (qb) => qb.where('position.organization_id', '=', f.organization!))
    .$if(f.person !== undefined, (qb) => qb.where('position.person_id', '=', f.person!))
    .$if(f.current === true, (qb) => qb.where('position.end_date', 'is', null))
    .$if(f.current === false, (qb) => qb.where('position.end_date', 'is not', null))
    .$if(f.focalPoint !== undefined, (qb) => qb.where('position.is_focal_point', '=', f.focalPoint!))
    .$if(f.visibleGovernorates !== null, (qb) =>
      qb
        .where(contactInScope('position.person_id', f.visibleGovernorates!))
        .where(contactInScope('position.organization_id', f.visibleGovernorates!)),
    )
    .orderBy(sql`position.end_date IS NULL`, 'desc')
    .orderBy(sql`position.start_date DESC NULLS LAST`)
    .orderBy('position.created_at', 'desc')
    .orderBy('position.id')
    .execute();
}

export async function findPosition(db: Db, id: string, forUpdate = false): Promise<PositionRow | undefined> {
  return selectPositions(db)
    .where('position.id', '=', id)
    .$if(forUpdate, (qb) => qb.forUpdate('position'))
    .executeTakeFirst();
}

export async function hasCurrentPosition(db: Db, personId: string): Promise<boolean> {
  const row = await db
    .selectFrom('position')
    .select('id')
    .where('person_id', '=', personId)
    .where('end_date', 'is', null)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertPosition(db: Db, values: PositionValues & { person_id: string; organization_id: string }): Promise<string> {
  const { id } = await db.insertInto('position').values(values).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** Returns false when the row's version moved on since it was read. */
export async function updatePosition(db: Db, id: string, expectedVersion: number, values: Partial<PositionValues>): Promise<boolean> {
  const result = await db
    .updateTable('position')
    .set((eb) => ({ ...values, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export async function deletePosition(db: Db, id: string): Promise<boolean> {
  const result = await db.deleteFrom('position').where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows === 1n;
}
