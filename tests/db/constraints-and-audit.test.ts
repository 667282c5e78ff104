import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/src/db/database.js';
import type { ContactKind, OrganizationSubtype } from '../../server/src/domain/contact-kinds.js';
import { checkArabicTrigrams } from '../../server/src/db/database.js';
import { createContact, updateContact } from '../../server/src/modules/contacts/contacts.service.js';
import { createUserRecord } from '../../server/src/modules/users/users.service.js';
import type { Actor } from '../../server/src/access/actor.js';
import { createTestDatabase } from '../helpers/test-database.js';

let database: Database;
let actor: Actor;

beforeAll(async () => {
  database = await createTestDatabase();
  const user = await createUserRecord(database.db, null, {
    email: 'db-test@example.org',
    name: 'DB test',
    role: 'coordinator',
    password: 'a long enough password',
  });
  actor = { id: user.id, role: 'coordinator', governorates: null };
});
afterAll(() => database.close());

const countOf = async (table: 'contact' | 'audit_log') => {
  const { rows } = await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(database.db);
  return Number(rows[0].n);
};

describe('database constraints', () => {
  it('refuse a subtype on a non-organisation and a missing one on an organisation', async () => {
    const insert = (kind: ContactKind, subtype: OrganizationSubtype | null) =>
      database.db.insertInto('contact').values({ kind, subtype, name: 'x' }).execute();
    await expect(insert('activist', 'media')).rejects.toThrow(/contact_subtype_only_for_organizations/);
    await expect(insert('organization', null)).rejects.toThrow(/contact_subtype_only_for_organizations/);
  });

  it('refuse an unknown governorate code in the join table', async () => {
    const created = await createContact(database.db, actor, { kind: 'activist', name: 'ندى', governorates: ['IQ-BG'] });
    await expect(
      database.db.insertInto('contact_governorate').values({ contact_id: created.id, governorate_code: 'IQ-XX' }).execute(),
    ).rejects.toThrow(/foreign key/);
  });

  it('pass the Arabic trigram start-up check on a UTF-8 database', async () => {
    await expect(checkArabicTrigrams(database.db)).resolves.toBeUndefined();
  });
});

describe('audit log', () => {
  it('is written in the same transaction as the change: when the audit insert fails, the change is rolled back', async () => {
    const contact = await createContact(database.db, actor, { kind: 'activist', name: 'سارة', governorates: ['IQ-NA'] });
    const contactsBefore = await countOf('contact');
    const auditBefore = await countOf('audit_log');

    await sql`CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit refused for the test'; END $$`.execute(database.db);
    await sql`CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION refuse_audit()`.execute(database.db);
    try {
      await expect(createContact(database.db, actor, { kind: 'activist', name: 'لن تحفظ', governorates: ['IQ-BG'] })).rejects.toThrow(
        /audit refused/,
      );
      await expect(updateContact(database.db, actor, contact.id, { version: contact.version, name: 'سارة علي' })).rejects.toThrow(
        /audit refused/,
      );
    } finally {
      await sql`DROP TRIGGER refuse_audit ON audit_log`.execute(database.db);
      await sql`DROP FUNCTION refuse_audit()`.execute(database.db);
    }

    expect(await countOf('contact')).toBe(contactsBefore);
    expect(await countOf('audit_log')).toBe(auditBefore);
    const stored = await database.db
      .selectFrom('contact')
      .select(['name', 'version'])
      .where('id', '=', contact.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ name: 'سارة', version: contact.version });
  });
});
