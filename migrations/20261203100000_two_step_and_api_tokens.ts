import { type Kysely, sql } from 'kysely';

// Two-step sign-in and personal API tokens (issue 12, item 6). The TOTP secret is stored encrypted (AES-256-GCM with a
// key derived from the server secret) and never returned after setup; recovery codes and API tokens are stored only as
// keyed hashes. The "require two-step for admins and coordinators" setting lives in app_meta like the other settings.
// Frozen once landed. No app imports here.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE user_totp (
      user_id uuid PRIMARY KEY REFERENCES app_user (id) ON DELETE CASCADE,
      secret_encrypted text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      enabled_at timestamptz,
      last_used_step integer
    )`.execute(db);
  await sql`
    CREATE TABLE user_recovery_code (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
      code_hash text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      used_at timestamptz,
      UNIQUE (user_id, code_hash)
    )`.execute(db);
  await sql`
    CREATE TABLE api_token (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
      token_hash text NOT NULL UNIQUE,
      prefix text NOT NULL,
      scope text NOT NULL CHECK (scope IN ('read', 'write')),
      expires_at timestamptz NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_used_at timestamptz,
      revoked_at timestamptz
    )`.execute(db);
  await sql`CREATE INDEX api_token_user_idx ON api_token (user_id, created_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE api_token`.execute(db);
  await sql`DROP TABLE user_recovery_code`.execute(db);
  await sql`DROP TABLE user_totp`.execute(db);
  await sql`DELETE FROM app_meta WHERE key = 'two_step_policy'`.execute(db);
}
