import type { Db } from '../server/src/db/database.js';
import type { Actor } from '../server/src/modules/auth/actor.js';
import { createContact } from '../server/src/modules/contacts/contacts.service.js';
import type { CreateContactInput } from '../server/src/modules/contacts/contacts.schemas.js';
import { DEMO_CONTACTS } from './demo-contacts.js';

/** Loads the demo directory through the contacts service, so every row is validated, normalised and audited. */
export async function loadDemoContacts(db: Db, admin: Actor): Promise<number> {
  for (const demo of DEMO_CONTACTS) {
    const { key: _key, fictional: _fictional, ...contact } = demo;
    await createContact(db, admin, contact as CreateContactInput);
  }
  return DEMO_CONTACTS.length;
}
