import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/src/db/database.js';
import { createTestDatabase } from '../helpers/test-database.js';
import { ROLES } from '../../server/src/domain/roles.js';
import { API_TOKEN_SCOPES } from '../../server/src/domain/account-security.js';
import { CONTACT_KINDS, GENDERS, ORGANIZATION_SUBTYPES, SENSITIVITIES } from '../../server/src/domain/contact-kinds.js';
import { INTERACTION_KINDS } from '../../server/src/domain/interaction-kinds.js';
import { EVENT_TYPES, INVITATION_ROLES, INVITATION_STATUSES, QUOTA_DIMENSIONS } from '../../server/src/domain/events/vocabulary.js';
import { IMPORT_DECISIONS, IMPORT_OUTCOMES } from '../../server/src/domain/imports/import-fields.js';
import { TRASH_ENTITY_TYPES } from '../../server/src/domain/trash/vocabulary.js';
import {
  IMPORT_ACTIONS,
  IMPORT_CHANGE_ENTITY_TYPES,
  IMPORT_CHANGES,
  IMPORT_FORMATS,
  IMPORT_STATUSES,
} from '../../server/src/domain/imports/import-batch.js';
import {
  MESSAGE_LANGUAGES,
  MESSAGE_PURPOSES,
  OUTREACH_CHANNELS,
  OUTREACH_MESSAGE_STATUSES,
  STATUS_CHANGE_SOURCES,
} from '../../server/src/domain/outreach/vocabulary.js';
import { CONSENT_BASES, CONSENT_FILE_TYPES, CONSENT_KINDS } from '../../server/src/domain/consent.js';

import { TASK_PRIORITIES, TASK_STATES } from '../../server/src/domain/tasks/vocabulary.js';
import { CUSTOM_FIELD_TYPES } from '../../server/src/domain/custom-fields.js';
import { PROGRAMME_PARTICIPANT_ROLES } from '../../server/src/domain/programmes/vocabulary.js';
/**
 * db/types.ts types every CHECK-constrained column with a domain list, and the API schemas build their enums from
 * the same lists. This test reads the CHECK constraints the migrations really created and compares each with its list,
 * so a value added on one side only (a new status in the domain, a new kind in a migration) fails here, not in
 * production. A new `column IN (…)` constraint without an entry below fails too.
 */
const DOMAIN_LISTS: Record<string, readonly string[]> = {
  'app_user.role': ROLES,
  'contact.kind': CONTACT_KINDS,
  'contact.subtype': ORGANIZATION_SUBTYPES,
  'contact.gender': GENDERS,
  'contact.sensitivity': SENSITIVITIES,
  'interaction.kind': INTERACTION_KINDS,
  'event.type': EVENT_TYPES,
  'event_quota.dimension': QUOTA_DIMENSIONS,
  'invitation.role': INVITATION_ROLES,
  'invitation.status': INVITATION_STATUSES,
  'invitation_status_change.source': STATUS_CHANGE_SOURCES,
  'import_batch.format': IMPORT_FORMATS,
  'import_batch.status': IMPORT_STATUSES,
  'import_row.outcome': IMPORT_OUTCOMES,
  'import_row.decision': IMPORT_DECISIONS,
  'import_row.action': IMPORT_ACTIONS,
  'import_change.entity_type': IMPORT_CHANGE_ENTITY_TYPES,
  'import_change.change': IMPORT_CHANGES,
  'event_message_template.purpose': MESSAGE_PURPOSES,
  'event_message_template.language': MESSAGE_LANGUAGES,
  'outreach_message.channel': OUTREACH_CHANNELS,
  'outreach_message.purpose': MESSAGE_PURPOSES,
  'outreach_message.language': MESSAGE_LANGUAGES,
  'outreach_message.status': OUTREACH_MESSAGE_STATUSES,
  'outreach_job.channel': OUTREACH_CHANNELS,
  'outreach_job.purpose': MESSAGE_PURPOSES,
  'outreach_job.language': MESSAGE_LANGUAGES,
  'trash_item.entity_type': TRASH_ENTITY_TYPES,
  'api_token.scope': API_TOKEN_SCOPES,
  'consent_record.kind': CONSENT_KINDS,
  'consent_record.basis': CONSENT_BASES,
  'consent_file.mime': CONSENT_FILE_TYPES,
  'task.priority': TASK_PRIORITIES,
  'task.state': TASK_STATES,
  'custom_field.type': CUSTOM_FIELD_TYPES,
  'programme_participant.role': PROGRAMME_PARTICIPANT_ROLES,
};

/**
 * `(status = ANY (ARRAY['a'::text, 'b'::text]))` or `status IN ('a', 'b')` → { column: 'status', values: [a, b] }.
 * A compound rule (`kind IN (…) OR name IS NULL …`) is not a column's list and is skipped.
 */
function listConstraint(definition: string): { column: string; values: string[] } | null {
  if (/\b(OR|AND)\b/.test(definition)) return null;
  const match =
    /\(\(?\s*([a-z_]+)\s*=\s*ANY\s*\(\s*(?:\(\s*)?ARRAY\[(.*?)\]/i.exec(definition) ??
    /\(\(?\s*([a-z_]+)\s+IN\s*\((.*?)\)/i.exec(definition);
  if (!match) return null;
  const values = [...match[2].matchAll(/'((?:[^']|'')*)'/g)].map((m) => m[1].replace(/''/g, "'"));
  return { column: match[1], values };
}

let database: Database;
let found: Map<string, string[]>;
beforeAll(async () => {
  database = await createTestDatabase();
  const { rows } = await sql<{ table_name: string; definition: string }>`
    SELECT rel.relname AS table_name, pg_get_constraintdef(con.oid) AS definition
    FROM pg_constraint con
    JOIN pg_class rel ON rel.oid = con.conrelid
    JOIN pg_namespace ns ON ns.oid = rel.relnamespace
    WHERE con.contype = 'c' AND ns.nspname = 'public'`.execute(database.db);
  found = new Map();
  for (const row of rows) {
    const list = listConstraint(row.definition);
    if (list) found.set(`${row.table_name}.${list.column}`, list.values);
  }
});
afterAll(() => database.close());

describe('CHECK-constrained columns and the domain lists', () => {
  it('reads the list constraints the migrations created', () => {
    expect(listConstraint("CHECK ((status = ANY (ARRAY['a'::text, 'it''s'::text])))")).toEqual({ column: 'status', values: ['a', "it's"] });
    expect(listConstraint("CHECK (((kind = ANY (ARRAY['a'::text])) OR (name IS NULL)))")).toBeNull();
    expect(found.size).toBeGreaterThanOrEqual(Object.keys(DOMAIN_LISTS).length);
  });

  it('has a domain list for every list constraint', () => {
    expect([...found.keys()].filter((key) => !(key in DOMAIN_LISTS)).sort()).toEqual([]);
  });

  for (const [key, list] of Object.entries(DOMAIN_LISTS)) {
    it(`${key} allows exactly the domain's values`, () => {
      expect(found.get(key), `no CHECK list constraint on ${key}`).toBeDefined();
      expect([...found.get(key)!].sort()).toEqual([...list].sort());
    });
  }
});
