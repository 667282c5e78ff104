import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '../../server/src/db/database.js';
import { readSchema, type Schema } from '../../server/src/modules/trash/foreign-keys.repository.js';
import { captureSnapshot, type Snapshot } from '../../server/src/modules/trash/snapshot.repository.js';
import { createTestDatabase } from '../helpers/test-database.js';

/**
 * The trash keeps what a delete removes by following the schema's foreign keys. This proves it against the
 * database itself: with a row in every table that hangs off contact, event, position, relationship or interaction,
 * a delete removes exactly the rows the snapshot holds, and every ON DELETE SET NULL reference is kept to re-link.
 * A new table linked to one of them fails here until the fixture below gets a row in it.
 */

const TRASHED = ['contact', 'event', 'position', 'relationship', 'interaction', 'programme'] as const;

let database: Database;
let schema: Schema;
const db = () => database.db;
beforeAll(async () => {
  database = await createTestDatabase();
  schema = await readSchema(db());
});
afterAll(() => database.close());

/** Tables a delete of `root` reaches: cascades followed to the end, set-null edges noted. */
function reach(root: string) {
  const tables = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const fk of schema.foreignKeys) {
      if (fk.onDelete === 'c' && tables.has(fk.parent) && !tables.has(fk.child)) {
        tables.add(fk.child);
        grew = true;
      }
    }
  }
  const edges = schema.foreignKeys.filter((fk) => tables.has(fk.parent));
  return { tables, edges };
}

async function insert(table: string, row: Record<string, unknown>): Promise<string> {
  const columns = Object.keys(row);
  const result = await sql<{ id: string }>`
    INSERT INTO ${sql.table(table)} (${sql.join(columns.map((c) => sql.id(c)))}) VALUES (${sql.join(columns.map((c) => row[c]))})
    RETURNING to_jsonb(${sql.table(table)})->>'id' AS id`.execute(db());
  return result.rows[0].id;
}

/** One linked world: every table that hangs off the six gets a row pointing at them. */
let worlds = 0;
async function world() {
  worlds += 1;
  const contact = (name: string, kind = 'activist') =>
    insert('contact', { kind, name, ...(kind === 'organization' ? { subtype: 'local_ngo' } : {}) });
  const person = await contact('زهراء');
  const other = await contact('حوراء');
  const org = await contact('منظمة', 'organization');
  await insert('contact_governorate', { contact_id: person, governorate_code: 'IQ-AN' });
  await sql`DELETE FROM contact_match_key WHERE contact_id = ${person}`.execute(db());
  await insert('contact_match_key', { contact_id: person, version: 1, name_key: 'zahra', name_skeleton: 'zhr' });
  await insert('duplicate_dismissal', { contact_a: person < other ? person : other, contact_b: person < other ? other : person });
  const position = await insert('position', { person_id: person, organization_id: org, title: 'منسقة' });
  const typeId = (await sql<{ id: string }>`SELECT id FROM relationship_type ORDER BY key LIMIT 1`.execute(db())).rows[0].id;
  const relationship = await insert('relationship', { type_id: typeId, from_contact_id: person, to_contact_id: other });
  const interaction = await insert('interaction', { kind: 'call', occurred_on: '2025-01-01', summary: 'x' });
  await insert('interaction_participant', { interaction_id: interaction, contact_id: person });
  const event = await insert('event', {
    title: 'ورشة',
    type: 'workshop',
    starts_at: '2026-03-01T09:00:00Z',
    ends_at: '2026-03-01T15:00:00Z',
  });
  const otherEvent = await insert('event', {
    title: 'لقاء',
    type: 'workshop',
    starts_at: '2026-04-01T09:00:00Z',
    ends_at: '2026-04-01T15:00:00Z',
  });
  const group = await insert('event_group', { event_id: event, name: 'أ' });
  await insert('event_group', { event_id: otherEvent, name: 'ب', facilitator_id: person });
  await insert('event_quota', { event_id: event, dimension: 'gender', value: 'female', min_count: 1 });
  await insert('event_message_template', { event_id: event, purpose: 'invitation', language: 'ar', body: 'أهلاً' });
  await insert('event_suggestion_dismissal', { event_id: event, contact_id: person });
  const invitation = await insert('invitation', { event_id: event, contact_id: person, status: 'invited', group_id: group });
  await insert('invitation', { event_id: otherEvent, contact_id: org, representative_id: person, status: 'invited' });
  await insert('invitation_status_change', { invitation_id: invitation, from_status: null, to_status: 'invited' });
  await insert('invitation_link', { invitation_id: invitation, nonce: `n${worlds}`, token_hash: `h${worlds}` });
  const job = await insert('outreach_job', { event_id: event, channel: 'email', purpose: 'invitation', language: 'ar' });
  await insert('outreach_message', {
    event_id: event,
    invitation_id: invitation,
    channel: 'email',
    purpose: 'invitation',
    language: 'ar',
    status: 'sent',
    dedupe_key: `k${worlds}`,
    job_id: job,
  });
  const consent = await insert('consent_record', {
    contact_id: person,
    kind: 'given',
    basis: 'spoken',
    scopes: sql`ARRAY['whatsapp']::text[]`,
    recorded_on: '2026-11-01',
  });
  await insert('consent_file', { record_id: consent, mime: 'application/pdf', size: 4, sha256: `s${worlds}`, bytes: Buffer.from('%PDF') });
  const task = await insert('task', { title: 'متابعة', contact_id: person, interaction_id: interaction, event_id: event });
  const programme = await insert('programme', { name_ar: 'برنامج', starts_on: '2026-01-01' });
  // Donors are organisations by the service's rule; the database does not know it, and the root here is the person.
  await insert('programme_donor', { programme_id: programme, contact_id: person });
  await insert('programme_governorate', { programme_id: programme, governorate_code: 'IQ-AN' });
  await insert('programme_participant', { programme_id: programme, contact_id: person, role: 'participant', starts_on: '2026-01-01' });
  await insert('event_programme', { event_id: event, programme_id: programme });
  await insert('interaction_programme', { interaction_id: interaction, programme_id: programme });
  await insert('task_programme', { task_id: task, programme_id: programme });
  return { contact: person, event, position, relationship, interaction, programme };
}

const counts = async (trx: Db) => {
  const out: Record<string, number> = {};
  for (const table of schema.insertable.keys()) {
    out[table] = Number((await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(trx)).rows[0].n);
  }
  return out;
};

class Rollback extends Error {}

/** Deletes the root in a transaction that is rolled back, returning the rows gone per table. */
async function removedByDelete(table: string, id: string) {
  let removed: Record<string, number> = {};
  await db()
    .transaction()
    .execute(async (trx) => {
      const before = await counts(trx);
      await sql`DELETE FROM ${sql.table(table)} WHERE id = ${id}`.execute(trx);
      const after = await counts(trx);
      removed = Object.fromEntries(
        Object.keys(before)
          .filter((t) => before[t] !== after[t])
          .map((t) => [t, before[t] - after[t]]),
      );
      throw new Rollback();
    })
    .catch((error) => {
      if (!(error instanceof Rollback)) throw error;
    });
  return removed;
}

const sizes = (snapshot: Snapshot) =>
  Object.fromEntries(
    Object.entries(snapshot.rows)
      .filter(([, rows]) => rows.length)
      .map(([t, rows]) => [t, rows.length]),
  );

describe('the trash covers every foreign key', () => {
  it('reads foreign keys that either cascade or set null for every table hanging off the six', () => {
    for (const root of TRASHED) {
      for (const fk of reach(root).edges) {
        expect(['c', 'n'], `${fk.child}.${fk.childColumns.join()} → ${fk.parent} would block or be missed`).toContain(fk.onDelete);
      }
    }
    expect(reach('contact').tables.has('outreach_message')).toBe(true);
  });

  for (const root of TRASHED) {
    it(`captures exactly what deleting a ${root} removes, and every reference it clears`, async () => {
      const ids = await world();
      const snapshot = await captureSnapshot(db(), schema, [{ table: root, ids: [ids[root]] }]);
      expect(sizes(snapshot)).toEqual(await removedByDelete(root, ids[root]));
      const { tables, edges } = reach(root);
      for (const fk of edges) {
        if (fk.onDelete === 'c')
          expect(snapshot.rows[fk.child]?.length, `no ${fk.child} row captured through ${fk.name}`).toBeGreaterThan(0);
        else if (!tables.has(fk.child)) {
          expect(
            snapshot.relinks.some((r) => r.table === fk.child && fk.childColumns.every((c) => c in r.values)),
            `no ${fk.name} re-link kept`,
          ).toBe(true);
        }
      }
    });
  }
});
