import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Sensitivity } from '../../domain/contact-kinds.js';

/** What a bulk action needs of each contact: enough to check access and to show before → after. */
export interface BulkContactRow {
  id: string;
  name: string;
  sensitivity: Sensitivity;
  tags: string[];
  governorates: string[];
}

/**
 * The selected contacts, locked in id order for a write (a fixed order, so two bulk actions over overlapping
 * selections wait for each other instead of deadlocking). One statement with one array parameter, however many ids.
 */
export async function loadBulkContacts(db: Db, ids: string[], lock: boolean): Promise<BulkContactRow[]> {
  return db
    .selectFrom('contact')
    .select(['contact.id', 'contact.name', 'contact.sensitivity', 'contact.tags'])
    .select(
      sql<
        string[]
      >`array(SELECT cg.governorate_code FROM contact_governorate cg WHERE cg.contact_id = contact.id ORDER BY cg.governorate_code)`.as(
        'governorates',
      ),
    )
    .where(sql<boolean>`contact.id = ANY(${ids}::uuid[])`)
    .orderBy('contact.id')
    .$if(lock, (qb) => qb.forUpdate())
    .execute();
}

/** Every changed row gets a new version and updated_at, so an open edit form sees it moved (409 on save). */
const bumped = (userId: string) => ({
  version: sql<number>`version + 1`,
  updated_at: new Date(),
  updated_by: userId,
});

export async function addTags(db: Db, ids: string[], tags: string[], userId: string): Promise<void> {
  await db
    .updateTable('contact')
    .set({
      ...bumped(userId),
      tags: sql<
        string[]
      >`tags || ARRAY(SELECT t FROM unnest(${tags}::text[]) WITH ORDINALITY AS n(t, i) WHERE NOT t = ANY(tags) ORDER BY i)`,
    })
    .where(sql<boolean>`id = ANY(${ids}::uuid[])`)
    .execute();
}

export async function removeTags(db: Db, ids: string[], tags: string[], userId: string): Promise<void> {
  await db
    .updateTable('contact')
    .set({
      ...bumped(userId),
      tags: sql<string[]>`ARRAY(SELECT t FROM unnest(tags) WITH ORDINALITY AS n(t, i) WHERE NOT t = ANY(${tags}::text[]) ORDER BY i)`,
    })
    .where(sql<boolean>`id = ANY(${ids}::uuid[])`)
    .execute();
}

export async function setSensitivity(db: Db, ids: string[], sensitivity: Sensitivity, userId: string): Promise<void> {
  await db
    .updateTable('contact')
    .set({ ...bumped(userId), sensitivity })
    .where(sql<boolean>`id = ANY(${ids}::uuid[])`)
    .execute();
}

export async function addGovernorate(db: Db, ids: string[], governorate: string, userId: string): Promise<void> {
  await sql`INSERT INTO contact_governorate (contact_id, governorate_code)
    SELECT id, ${governorate} FROM unnest(${ids}::uuid[]) AS id ON CONFLICT DO NOTHING`.execute(db);
  await db
    .updateTable('contact')
    .set(bumped(userId))
    .where(sql<boolean>`id = ANY(${ids}::uuid[])`)
    .execute();
}
