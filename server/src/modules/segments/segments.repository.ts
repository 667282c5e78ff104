import type { Db } from '../../db/database.js';
import type { ContactFilter } from '../contacts/contact-list-filter.js';

export interface SegmentRow {
  id: string;
  name: string;
  owner_id: string;
  owner_name: string;
  shared: boolean;
  filter: ContactFilter;
  created_at: Date;
  updated_at: Date;
  version: number;
}

function selectSegments(db: Db) {
  return db
    .selectFrom('segment as s')
    .innerJoin('app_user as u', 'u.id', 's.owner_id')
    .select(['s.id', 's.name', 's.owner_id', 'u.name as owner_name', 's.shared', 's.filter', 's.created_at', 's.updated_at', 's.version']);
}

/** The caller's own segments and every shared one, by name. */
export async function listVisibleSegments(db: Db, userId: string): Promise<SegmentRow[]> {
  const rows = await selectSegments(db)
    .where((eb) => eb.or([eb('s.owner_id', '=', userId), eb('s.shared', '=', true)]))
    .orderBy('s.name')
    .orderBy('s.id')
    .execute();
  return rows as SegmentRow[];
}

export async function findSegment(db: Db, id: string, forUpdate = false): Promise<SegmentRow | undefined> {
  const row = await selectSegments(db)
    .where('s.id', '=', id)
    .$if(forUpdate, (qb) => qb.forUpdate(['s']))
    .executeTakeFirst();
  return row as SegmentRow | undefined;
}

export async function insertSegment(db: Db, values: { name: string; shared: boolean; filter: ContactFilter; ownerId: string }) {
  const { id } = await db
    .insertInto('segment')
    .values({ name: values.name, shared: values.shared, filter: JSON.stringify(values.filter), owner_id: values.ownerId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Returns false when the row's version moved on since it was read. */
export async function updateSegment(
  db: Db,
  id: string,
  expectedVersion: number,
  values: { name: string; shared: boolean; filter: ContactFilter },
): Promise<boolean> {
  const result = await db
    .updateTable('segment')
    .set((eb) => ({
      name: values.name,
      shared: values.shared,
      filter: JSON.stringify(values.filter),
      updated_at: new Date(),
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export async function deleteSegment(db: Db, id: string): Promise<void> {
  await db.deleteFrom('segment').where('id', '=', id).execute();
}
