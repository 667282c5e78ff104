import type { Db } from '../../db/database.js';
import type { Actor } from '../auth/actor.js';
import { notFound } from '../../errors.js';
import { findContactRefs, type ContactRefRow } from './contact-refs.repository.js';

/** The contacts visibility rule: a scoped user sees a contact that shares a governorate with their account. */
export const isContactVisible = (actor: Actor, governorates: string[]) =>
  actor.governorates === null || governorates.some((g) => actor.governorates!.includes(g));

/**
 * Loads the referenced contacts for a read or a write by `actor`. A missing or out-of-scope contact answers 404
 * (not 403), so a scoped user learns nothing of contacts outside their governorates.
 */
export async function loadVisibleRefs(db: Db, actor: Actor, ids: string[], lock = false): Promise<Map<string, ContactRefRow>> {
  const unique = [...new Set(ids)];
  const rows = await findContactRefs(db, unique, lock);
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const id of unique) {
    const row = byId.get(id);
    if (!row || !isContactVisible(actor, row.governorates)) throw notFound('Contact');
  }
  return byId;
}

export async function loadVisibleRef(db: Db, actor: Actor, id: string, lock = false): Promise<ContactRefRow> {
  return (await loadVisibleRefs(db, actor, [id], lock)).get(id)!;
}
