import type { Db } from '../../db/database.js';

export const RELATIONSHIP_TYPE_COLUMNS = [
  'relationship_type.id',
  'relationship_type.key',
  'relationship_type.label_forward_ar',
  'relationship_type.label_forward_en',
  'relationship_type.label_reverse_ar',
  'relationship_type.label_reverse_en',
  'relationship_type.symmetric',
] as const;

export interface RelationshipTypeRow {
  id: string;
  key: string;
  label_forward_ar: string;
  label_forward_en: string;
  label_reverse_ar: string;
  label_reverse_en: string;
  symmetric: boolean;
}

export async function listRelationshipTypes(db: Db): Promise<RelationshipTypeRow[]> {
  return db.selectFrom('relationship_type').select(RELATIONSHIP_TYPE_COLUMNS).orderBy('created_at').orderBy('key').execute();
}

export async function findRelationshipTypeByKey(db: Db, key: string): Promise<RelationshipTypeRow | undefined> {
  return db.selectFrom('relationship_type').select(RELATIONSHIP_TYPE_COLUMNS).where('key', '=', key).executeTakeFirst();
}

export async function findRelationshipType(db: Db, id: string): Promise<RelationshipTypeRow | undefined> {
  return db.selectFrom('relationship_type').select(RELATIONSHIP_TYPE_COLUMNS).where('id', '=', id).executeTakeFirst();
}

/** Returns undefined when the key is taken (the insert does nothing). */
export async function insertRelationshipType(db: Db, values: Omit<RelationshipTypeRow, 'id'>): Promise<string | undefined> {
  const row = await db
    .insertInto('relationship_type')
    .values(values)
    .onConflict((oc) => oc.column('key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}
