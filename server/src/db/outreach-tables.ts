import type { ColumnType, Generated } from 'kysely';
import type { MessageLanguage, MessagePurpose, OutreachChannel, OutreachMessageStatus } from '../domain/outreach/vocabulary.js';
import type { Timestamp } from './types.js';

/* Outreach tables (issue 11), kept apart from types.ts so each file stays about one part of the schema. */

/** A personal reply link; the token is HMAC(server secret, nonce) and only its SHA-256 is stored. */
export interface InvitationLinkTable {
  id: Generated<string>;
  invitation_id: string;
  nonce: string;
  token_hash: string;
  created_by: string | null;
  created_at: Timestamp;
  revoked_at: Timestamp | null;
  revoked_by: string | null;
  first_opened_at: Timestamp | null;
  last_opened_at: Timestamp | null;
  open_count: Generated<number>;
}

export interface EventMessageTemplateTable {
  event_id: string;
  purpose: MessagePurpose;
  language: MessageLanguage;
  subject: string | null;
  body: string;
  updated_by: string | null;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface OutreachMessageTable {
  id: Generated<string>;
  event_id: string;
  invitation_id: string;
  channel: OutreachChannel;
  purpose: MessagePurpose;
  language: MessageLanguage;
  status: OutreachMessageStatus;
  dedupe_key: string;
  failure_reason: string | null;
  attempts: Generated<number>;
  job_id: string | null;
  created_by: string | null;
  created_at: Timestamp;
  sent_at: Timestamp | null;
}

/** A background email send; its messages are the outreach_message rows with its job_id. */
export interface OutreachJobTable {
  id: Generated<string>;
  event_id: string;
  channel: OutreachChannel;
  purpose: MessagePurpose;
  language: MessageLanguage;
  /** [{invitationId, reason}], written as JSON text. */
  skipped: ColumnType<{ invitationId: string; reason: string }[], string | undefined, string>;
  created_by: string | null;
  created_at: Timestamp;
  finished_at: Timestamp | null;
}
