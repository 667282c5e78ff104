import { type SqlBool, sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { contactInScope } from '../contact-refs/contact-refs.repository.js';
import type { ContactKind } from '../../domain/contact-kinds.js';

export interface RelationshipRow {
  id: string;
  type_id: string;
  type_key: string;
  symmetric: boolean;
  label_forward_ar: string;
  label_forward_en: string;
  label_reverse_ar: string;
  label_reverse_en: string;
  from_contact_id: string;
  from_name: string;
  from_kind: ContactKind;
  to_contact_id: string;
  to_name: string;
  to_kind: ContactKind;
  start_date: string | null;
  end_date: string | null;
  strength: number | null;
  note: string | null;
  created_at: Date;
  updated_at: Date;
  version: number;
}

export interface RelationshipValues {
  start_date: string | null;
  end_date: string | null;
  strength: number | null;
  note: string | null;
}

export interface RelationshipFilter {
  contact?: string;
  typeKey?: string;
  active?: boolean;
  /** Either contact is in this governorate. */
  governorate?: string;
  /** The relationship overlaps the period (open ends count as unbounded). */
  from?: string;
  to?: string;
  /** Scoped users see only relationships whose two contacts are both in these governorates. */
  visibleGovernorates: string[] | null;
}

function selectRelationships(db: Db) {
  return db
    .selectFrom('relationship')
    .innerJoin('relationship_type as rt', 'rt.id', 'relationship.type_id')
    .innerJoin('contact as from_c', 'from_c.id', 'relationship.from_contact_id')
    .innerJoin('contact as to_c', 'to_c.id', 'relationship.to_contact_id')
    .select([
      'relationship.id',
      'relationship.type_id',
      'rt.key as type_key',
      'rt.symmetric',
      'rt.label_forward_ar',
      'rt.label_forward_en',
      'rt.label_reverse_ar',
      'rt.label_reverse_en',
      'relationship.from_contact_id',
      'from_c.name as from_name',
      'from_c.kind as from_kind',
      'relationship.to_contact_id',
      'to_c.name as to_name',
      'to_c.kind as to_kind',
      sql<string | null>`relationship.start_date::text`.as('start_date'),
      sql<string | null>`relationship.end_date::text`.as('end_date'),
      'relationship.strength',
      'relationship.note',
      'relationship.created_at',
      'relationship.updated_at',
      'relationship.version',
    ]);
}

/** Active ones first, then the most recently started. */
export async function listRelationships(db: Db, f: RelationshipFilter): Promise<RelationshipRow[]> {
  return selectRelationships(db)
    .$if(f.contact !== undefined, (qb) =>
      qb.where((eb) => eb.or([eb('relationship.from_contact_id', '=', f.contact!), eb('relationship.to_contact_id', '=', f.contact!)])),
    )
    .$if(f.typeKey !== undefined, (qb) => qb.where('rt.key', '=', f.typeKey!))
    .$if(f.active === true, (qb) => qb.where('relationship.end_date', 'is', null))
    .$if(f.active === false, (qb) => qb.where('relationship.end_date', 'is not', null))
    .$if(f.governorate !== undefined, (qb) =>
      qb.where((eb) =>
        eb.or([
          contactInScope('relationship.from_contact_id', [f.governorate!]),
          contactInScope('relationship.to_contact_id', [f.governorate!]),
        ]),
      ),
    )
    .$if(f.from !== undefined, (qb) => qb.where(sql<SqlBool>`(relationship.end_date IS NULL OR relationship.end_date >= ${f.from}::date)`))
    .$if(f.to !== undefined, (qb) => qb.where(sql<SqlBool>`(relationship.start_date IS NULL OR relationship.start_date <= ${f.to}::date)`))
    .$if(f.visibleGovernorates !== null, (qb) =>
      qb
        .where(contactInScope('relationship.from_contact_id', f.visibleGovernorates!))
        .where(contactInScope('relationship.to_contact_id', f.visibleGovernorates!)),
    )
    .orderBy(sql`relationship.end_date IS NULL`, 'desc')
    .orderBy(sql`relationship.start_date DESC NULLS LAST`)
    .orderBy('relationship.created_at', 'desc')
    .orderBy('relationship.id')
    .execute();
}

export async function findRelationship(db: Db, id: string, forUpdate = false): Promise<RelationshipRow | undefined> {
  return selectRelationships(db)
    .where('relationship.id', '=', id)
    .$if(forUpdate, (qb) => qb.forUpdate('relationship'))
    .executeTakeFirst();
}

/**
 * An active relationship of this type from `from` to `to` (and, with bothWays, from `to` to `from`), other than
 * `exceptId`. Locks what it finds, so two concurrent writers on the same pair queue behind each other.
 */
export async function findActiveDuplicate(
  db: Db,
  typeId: string,
  from: string,
  to: string,
  bothWays: boolean,
  exceptId?: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('relationship')
    .select('id')
    .where('type_id', '=', typeId)
    .where('end_date', 'is', null)
    .where((eb) => {
      const forward = eb.and([eb('from_contact_id', '=', from), eb('to_contact_id', '=', to)]);
      return bothWays ? eb.or([forward, eb.and([eb('from_contact_id', '=', to), eb('to_contact_id', '=', from)])]) : forward;
    })
    .$if(exceptId !== undefined, (qb) => qb.where('id', '<>', exceptId!))
    .forUpdate()
    .limit(1)
    .executeTakeFirst();
  return row?.id;
}

/** Serialises writers on one pair of contacts (both directions): a row lock on both, taken in id order. */
export async function lockPair(db: Db, a: string, b: string): Promise<void> {
  await db.selectFrom('contact').select('id').where('id', 'in', [a, b]).orderBy('id').forUpdate().execute();
}

export async function insertRelationship(
  db: Db,
  values: RelationshipValues & { type_id: string; from_contact_id: string; to_contact_id: string; created_by: string },
): Promise<string> {
  const { id } = await db.insertInto('relationship').values(values).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function updateRelationship(
  db: Db,
  id: string,
  expectedVersion: number,
  values: Partial<RelationshipValues>,
): Promise<boolean> {
  const result = await db
    .updateTable('relationship')
    .set((eb) => ({ ...values, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export async function deleteRelationship(db: Db, id: string): Promise<boolean> {
  const result = await db.deleteFrom('relationship').where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows === 1n;
}
