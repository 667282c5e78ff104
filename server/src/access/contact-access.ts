import type { Db } from '../db/database.js';
import type { Actor } from './actor.js';
import { notFound } from '../errors.js';
import { findContactRefs, type ContactRefRow } from '../modules/contact-refs/contact-refs.repository.js';
import { findContact, type ContactRow } from '../modules/contacts/contacts.repository.js';
import { isContactVisible } from './actor-access.js';

/**
 * Access questions that need the contacts' governorates from the database. A missing or out-of-scope contact answers
 * 404 (not 403), so a scoped user learns nothing of contacts outside their governorates.
 */

/** Loads the referenced contacts for a read or a write by `actor`. */
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

/** The whole contact row, for reading or changing the contact itself. */
export async function loadVisibleContact(db: Db, actor: Actor, id: string, forUpdate = false): Promise<ContactRow> {
  const row = await findContact(db, id, forUpdate);
  if (!row || !isContactVisible(actor, row.governorates)) throw notFound('Contact');
  return row;
}

/**
 * For a record linking contacts (a relationship, a position, an interaction): `all` when the record is visible only
 * if every linked contact is, `any` when one is enough. A hidden record answers 404 under its own name.
 */
export async function assertLinkedVisible(db: Db, actor: Actor, ids: string[], mode: 'all' | 'any', entity: string) {
  if (actor.governorates === null) return;
  const unique = [...new Set(ids)];
  const visible = new Set((await findContactRefs(db, unique)).filter((r) => isContactVisible(actor, r.governorates)).map((r) => r.id));
  const ok = mode === 'all' ? unique.every((id) => visible.has(id)) : unique.some((id) => visible.has(id));
  if (!ok) throw notFound(entity);
}

/** The ids among `ids` that `actor` may not see (none for an unscoped actor). */
export async function hiddenContactIds(db: Db, actor: Actor, ids: string[]): Promise<Set<string>> {
  if (actor.governorates === null) return new Set();
  const refs = await findContactRefs(db, [...new Set(ids)]);
  return new Set(refs.filter((r) => !isContactVisible(actor, r.governorates)).map((r) => r.id));
}
