import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { ContactKind, Sensitivity } from '../../domain/contact-kinds.js';

/** What the duplicate finder shows and compares of a contact. */
export interface DuplicateContactRow {
  id: string;
  name: string;
  name_latin: string | null;
  kind: ContactKind;
  governorates: string[];
  phones: string[];
  emails: string[];
  sensitivity: Sensitivity;
  updated_at: Date;
  version: number;
}

export async function findDuplicateContacts(db: Db, ids: string[]): Promise<DuplicateContactRow[]> {
  if (ids.length === 0) return [];
  const rows: DuplicateContactRow[] = [];
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 5000) {
    const chunk = unique.slice(i, i + 5000);
    const { rows: part } = await sql<DuplicateContactRow>`
      SELECT c.id, c.name, c.name_latin, c.kind, c.phones, c.emails, c.sensitivity, c.updated_at, c.version,
        array(SELECT cg.governorate_code FROM contact_governorate cg WHERE cg.contact_id = c.id ORDER BY 1) AS governorates
      FROM contact c WHERE c.id = ANY(${chunk}::uuid[])`.execute(db);
    rows.push(...part);
  }
  return rows;
}

/**
 * Groups of contacts sharing a normalised phone, an email, a whole-name key, or a name skeleton within one governorate.
 * Groups larger than maxGroup (an office switchboard, a very common name) say little about any one pair and would
 * explode into thousands of pairs: they are left out.
 */
export async function duplicateGroups(db: Db, maxGroup: number): Promise<{ reason: string; ids: string[] }[]> {
  const { rows } = await sql<{ reason: string; ids: string[] }>`
    SELECT 'phone' AS reason, array_agg(c.id) AS ids FROM contact c CROSS JOIN LATERAL unnest(c.phones) AS p(phone)
      GROUP BY p.phone HAVING count(*) BETWEEN 2 AND ${maxGroup}
    UNION ALL
    SELECT 'email', array_agg(c.id) FROM contact c CROSS JOIN LATERAL unnest(c.emails) AS e(email)
      GROUP BY e.email HAVING count(*) BETWEEN 2 AND ${maxGroup}
    UNION ALL
    SELECT 'name_key', array_agg(k.contact_id) FROM contact_match_key k WHERE k.name_key <> ''
      GROUP BY k.name_key HAVING count(*) BETWEEN 2 AND ${maxGroup}
    UNION ALL
    SELECT 'skeleton', array_agg(k.contact_id) FROM contact_match_key k
      JOIN contact_governorate cg ON cg.contact_id = k.contact_id
      WHERE k.name_skeleton <> ''
      GROUP BY k.name_skeleton, cg.governorate_code HAVING count(*) BETWEEN 2 AND ${maxGroup}`.execute(db);
  return rows;
}

/** Above this many values a hash join on the unnested arrays beats one GIN probe per value. */
const BULK_LOOKUP = 50;

/** Contacts holding any of the phones (E.164) or emails. */
export async function findByPhonesOrEmails(
  db: Db,
  phones: string[],
  emails: string[],
): Promise<{ id: string; phones: string[]; emails: string[] }[]> {
  if (phones.length === 0 && emails.length === 0) return [];
  if (phones.length + emails.length <= BULK_LOOKUP) {
    const { rows } = await sql<{ id: string; phones: string[]; emails: string[] }>`
      SELECT id, phones, emails FROM contact
      WHERE phones && ${phones}::text[] OR emails && ${emails}::text[]`.execute(db);
    return rows;
  }
  const { rows } = await sql<{ id: string; phones: string[]; emails: string[] }>`
    SELECT c.id, c.phones, c.emails FROM contact c
    WHERE c.id IN (
      SELECT c2.id FROM contact c2 CROSS JOIN LATERAL unnest(c2.phones) AS p(value)
        JOIN unnest(${phones}::text[]) AS w(value) ON w.value = p.value
      UNION
      SELECT c3.id FROM contact c3 CROSS JOIN LATERAL unnest(c3.emails) AS e(value)
        JOIN unnest(${emails}::text[]) AS w(value) ON w.value = e.value)`.execute(db);
  return rows;
}

export async function findByNameKeys(
  db: Db,
  keys: string[],
  skeletons: string[],
): Promise<{ contact_id: string; name_key: string; name_skeleton: string }[]> {
  if (keys.length === 0 && skeletons.length === 0) return [];
  const { rows } = await sql<{ contact_id: string; name_key: string; name_skeleton: string }>`
    SELECT contact_id, name_key, name_skeleton FROM contact_match_key
    WHERE name_key = ANY(${keys}::text[]) OR name_skeleton = ANY(${skeletons}::text[])`.execute(db);
  return rows;
}

const ordered = (a: string, b: string): [string, string] => (a < b ? [a, b] : [b, a]);

export async function dismissedPairs(db: Db): Promise<Set<string>> {
  const rows = await db.selectFrom('duplicate_dismissal').select(['contact_a', 'contact_b']).execute();
  return new Set(rows.map((r) => `${r.contact_a}|${r.contact_b}`));
}

export const pairKey = (a: string, b: string) => ordered(a, b).join('|');

export async function insertDismissal(db: Db, a: string, b: string, userId: string): Promise<boolean> {
  const [contactA, contactB] = ordered(a, b);
  const result = await db
    .insertInto('duplicate_dismissal')
    .values({ contact_a: contactA, contact_b: contactB, dismissed_by: userId })
    .onConflict((oc) => oc.doNothing())
    .returning('contact_a')
    .executeTakeFirst();
  return result !== undefined;
}
