import type { Generated } from 'kysely';
import type { ApiTokenScope } from '../domain/account-security.js';
import type { Timestamp } from './types.js';

/* Two-step sign-in and API token tables (issue 12, item 6), kept apart from types.ts. */

/** One TOTP secret per user: pending while enabled_at is null (set up but not confirmed with a code). */
export interface UserTotpTable {
  user_id: string;
  /** AES-256-GCM with a key derived from the server secret; never sent to a client after setup. */
  secret_encrypted: string;
  created_at: Timestamp;
  enabled_at: Timestamp | null;
  /** The last time step a code was accepted for: a code cannot be used twice. */
  last_used_step: number | null;
}

export interface UserRecoveryCodeTable {
  id: Generated<string>;
  user_id: string;
  /** HMAC-SHA-256 of the code under a key derived from the server secret. */
  code_hash: string;
  created_at: Timestamp;
  used_at: Timestamp | null;
}

export interface ApiTokenTable {
  id: Generated<string>;
  user_id: string;
  name: string;
  /** SHA-256 of the whole token; the token itself is shown once and never stored. */
  token_hash: string;
  /** The first characters, to tell tokens apart in the list. */
  prefix: string;
  scope: ApiTokenScope;
  expires_at: Timestamp;
  created_at: Timestamp;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}
