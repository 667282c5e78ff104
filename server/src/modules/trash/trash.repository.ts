import { sql, type Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { TrashItemTable } from '../../db/trash-tables.js';
import type { TrashEntityType } from '../../domain/trash/vocabulary.js';

export type TrashItemRow = Selectable<TrashItemTable> & { deleted_by_name: string | null };

export interface NewTrashItem {
  entityType: TrashEntityType;
  entityId: string;
  label: string;
  restricted: boolean;
  governorates: string[];
  deletedBy: string;
  counts: Record<string, number>;
  payload: unknown;
}

export async function insertTrashItem(db: Db, item: NewTrashItem): Promise<string> {
  const row = await db
    .insertInto('trash_item')
    .values({
      entity_type: item.entityType,
      entity_id: item.entityId,
      label: item.label,
      restricted: item.restricted,
      governorates: item.governorates,
      deleted_by: item.deletedBy,
      counts: JSON.stringify(item.counts),
      payload: JSON.stringify(item.payload),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const since = (days: number, now: Date) => new Date(now.getTime() - days * 86_400_000);

const LISTED = [
  'trash_item.id',
  'trash_item.entity_type',
  'trash_item.entity_id',
  'trash_item.label',
  'trash_item.restricted',
  'trash_item.governorates',
  'trash_item.deleted_by',
  'trash_item.deleted_at',
  'trash_item.counts',
  'app_user.name as deleted_by_name',
] as const;

const items = (db: Db) => db.selectFrom('trash_item').leftJoin('app_user', 'app_user.id', 'trash_item.deleted_by');

/** Items still within the window, newest first; a scoped caller gets those sharing one of its governorates. */
export async function listTrashItems(
  db: Db,
  opts: { days: number; now: Date; governorates: string[] | null; entityType?: TrashEntityType; entityId?: string },
): Promise<Omit<TrashItemRow, 'payload'>[]> {
  let query = items(db).select(LISTED).where('trash_item.deleted_at', '>', since(opts.days, opts.now));
  if (opts.governorates) query = query.where(sql<boolean>`trash_item.governorates && ${opts.governorates}::text[]`);
  if (opts.entityType) query = query.where('trash_item.entity_type', '=', opts.entityType);
  if (opts.entityId) query = query.where('trash_item.entity_id', '=', opts.entityId);
  return query.orderBy('trash_item.deleted_at', 'desc').orderBy('trash_item.id').limit(1000).execute();
}

/** Locks the item so two restores of it cannot both run. */
export async function findTrashItem(db: Db, id: string): Promise<TrashItemRow | undefined> {
  return items(db)
    .select([...LISTED, 'trash_item.payload'])
    .where('trash_item.id', '=', id)
    .forUpdate('trash_item')
    .executeTakeFirst();
}

/** The newest trash item holding this entity, e.g. to name a missing parent that is in the trash. */
export async function findItemOfEntity(db: Db, entityType: string, entityId: string) {
  return db
    .selectFrom('trash_item')
    .select(['id', 'label', 'restricted'])
    .where('entity_type', '=', entityType as TrashEntityType)
    .where('entity_id', '=', entityId)
    .orderBy('deleted_at', 'desc')
    .executeTakeFirst();
}

export async function deleteTrashItem(db: Db, id: string): Promise<void> {
  await db.deleteFrom('trash_item').where('id', '=', id).execute();
}

export async function deleteExpired(
  db: Db,
  days: number,
  now: Date,
): Promise<{ id: string; entity_type: TrashEntityType; entity_id: string }[]> {
  return db.deleteFrom('trash_item').where('deleted_at', '<=', since(days, now)).returning(['id', 'entity_type', 'entity_id']).execute();
}

/** Names, governorates and sensitivity of contacts, for a trash item's label and scope. */
export async function contactFacts(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('contact')
    .select((eb) => [
      'contact.id',
      'contact.name',
      'contact.sensitivity',
      eb
        .selectFrom('contact_governorate')
        .select(sql<string[]>`coalesce(array_agg(governorate_code), '{}')`.as('g'))
        .whereRef('contact_governorate.contact_id', '=', 'contact.id')
        .as('governorates'),
    ])
    .where('contact.id', 'in', ids)
    .execute();
}

export async function participantIds(db: Db, interactionId: string): Promise<string[]> {
  const rows = await db.selectFrom('interaction_participant').select('contact_id').where('interaction_id', '=', interactionId).execute();
  return rows.map((r) => r.contact_id);
}

/** Interactions whose only participant is this contact: deleting the contact deletes them too. */
export async function interactionsOnlyWith(db: Db, contactId: string): Promise<string[]> {
  const rows = await sql<{ id: string }>`
    SELECT p.interaction_id AS id FROM interaction_participant p
    WHERE p.contact_id = ${contactId}
      AND NOT EXISTS (SELECT 1 FROM interaction_participant o WHERE o.interaction_id = p.interaction_id AND o.contact_id <> ${contactId})`.execute(
    db,
  );
  return rows.rows.map((r) => r.id);
}

/** Puts a merged contact's history back under its own id (moveAuditHistory marked each row with mergedFrom). */
export async function returnAuditHistory(db: Db, survivorId: string, mergedIds: string[]): Promise<void> {
  await sql`
    UPDATE audit_log SET entity_id = (details->>'mergedFrom')::uuid, details = details - 'mergedFrom'
    WHERE entity_type = 'contact' AND entity_id = ${survivorId} AND details->>'mergedFrom' = ANY(${mergedIds}::text[])`.execute(db);
}

export async function bumpContactVersion(db: Db, id: string, version: number, actorId: string): Promise<void> {
  await db
    .updateTable('contact')
    .set({ version: version + 1, updated_at: new Date(), updated_by: actorId })
    .where('id', '=', id)
    .execute();
}

/** The contact as to_jsonb sees it (the form snapshots hold), locked for the undo of a merge. */
export async function contactAsJson(db: Db, id: string): Promise<Record<string, unknown> | undefined> {
  const result = await sql<{
    row: Record<string, unknown>;
  }>`SELECT to_jsonb(c) AS row FROM contact c WHERE c.id = ${id} FOR UPDATE`.execute(db);
  return result.rows[0]?.row;
}

export async function governoratesOf(db: Db, contactId: string): Promise<string[]> {
  const rows = await db.selectFrom('contact_governorate').select('governorate_code').where('contact_id', '=', contactId).execute();
  return rows.map((r) => r.governorate_code);
}
