import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { nameKey, nameSkeleton } from '../../domain/duplicates/duplicate-score.js';

const CHUNK = 2000;

/** Writes the name key and skeleton of contacts as of the given version (insert or replace). */
export async function upsertMatchKeys(db: Db, contacts: { id: string; name: string; version: number }[]): Promise<void> {
  // One row per contact (a contact created then merged into in one batch comes twice): its latest version wins.
  const latest = new Map<string, { id: string; name: string; version: number }>();
  for (const c of contacts) if ((latest.get(c.id)?.version ?? 0) < c.version) latest.set(c.id, c);
  const rows = [...latest.values()]
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map((c) => ({ contact_id: c.id, version: c.version, name_key: nameKey(c.name), name_skeleton: nameSkeleton(c.name) }));
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db
      .insertInto('contact_match_key')
      .values(rows.slice(i, i + CHUNK))
      .onConflict((oc) =>
        oc.column('contact_id').doUpdateSet({
          version: (eb) => eb.ref('excluded.version'),
          name_key: (eb) => eb.ref('excluded.name_key'),
          name_skeleton: (eb) => eb.ref('excluded.name_skeleton'),
        }),
      )
      .execute();
  }
}

/**
 * Brings the stored keys up to date with the contacts: a contact written by any module since its key was computed
 * has a newer version. Cheap when nothing changed (one anti-join); the first run over a large directory keys it all.
 */
export async function refreshMatchKeys(db: Db): Promise<number> {
  const { rows } = await sql<{ id: string; name: string; version: number }>`
    SELECT c.id, c.name, c.version FROM contact c
    LEFT JOIN contact_match_key k ON k.contact_id = c.id
    WHERE k.contact_id IS NULL OR k.version <> c.version`.execute(db);
  if (rows.length) await upsertMatchKeys(db, rows);
  return rows.length;
}
