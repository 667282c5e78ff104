import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/src/db/database.js';
import { migrateDownAll, migrateToLatest } from '../../server/src/db/migrate.js';
import { MIGRATIONS } from '../../migrations/index.js';
import { createEmptyDatabase } from '../helpers/test-database.js';

async function userTables(database: Database): Promise<string[]> {
  const { rows } = await sql<{ table_name: string }>`
    SELECT table_name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_name NOT LIKE 'kysely_%' ORDER BY table_name`.execute(database.db);
  return rows.map((r) => r.table_name);
}

let database: Database;
beforeAll(async () => {
  database = await createEmptyDatabase();
});
afterAll(() => database.close());

describe('migrations', () => {
  it('go up from an empty database, all the way down, and up again', async () => {
    expect(await userTables(database)).toEqual([]);
    expect(await migrateToLatest(database.db)).toEqual(Object.keys(MIGRATIONS));
    expect(await userTables(database)).toEqual([
      'api_token',
      'app_meta',
      'app_user',
      'audit_change',
      'audit_log',
      'audit_subject',
      'consent_file',
      'consent_record',
      'contact',
      'contact_governorate',
      'contact_match_key',
      'custom_field',
      'duplicate_dismissal',
      'event',
      'event_group',
      'event_message_template',
      'event_programme',
      'event_quota',
      'event_suggestion_dismissal',
      'governorate',
      'import_batch',
      'import_change',
      'import_row',
      'interaction',
      'interaction_participant',
      'interaction_programme',
      'invitation',
      'invitation_link',
      'invitation_status_change',
      'outreach_job',
      'outreach_message',
      'position',
      'programme',
      'programme_donor',
      'programme_governorate',
      'programme_participant',
      'rate_limit_hit',
      'relationship',
      'relationship_type',
      'search_word',
      'search_word_variant',
      'segment',
      'task',
      'task_programme',
      'trash_item',
      'user_preference',
      'user_recovery_code',
      'user_totp',
    ]);
    const { rows } = await sql<{ n: string }>`SELECT count(*) AS n FROM governorate`.execute(database.db);
    expect(Number(rows[0].n)).toBe(19);

    await migrateDownAll(database.db);
    expect(await userTables(database)).toEqual([]);

    expect(await migrateToLatest(database.db)).toEqual(Object.keys(MIGRATIONS));
    expect(await migrateToLatest(database.db)).toEqual([]);
  });

  it('leave trigram search working on Arabic text', async () => {
    const { rows } = await sql<{ n: number; sim: number }>`
      SELECT cardinality(show_trgm('جمال')) AS n, similarity('الجواهري', 'الجواهرى') AS sim`.execute(database.db);
    expect(rows[0].n).toBeGreaterThan(0);
    expect(rows[0].sim).toBeGreaterThan(0.3);
  });
});
