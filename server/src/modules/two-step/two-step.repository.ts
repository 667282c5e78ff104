import { sql } from 'kysely';
import type { Db } from '../../db/database.js';

const POLICY_KEY = 'two_step_policy';

export async function findTotp(db: Db, userId: string) {
  return db.selectFrom('user_totp').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

/** Stores a new pending secret, replacing an earlier pending one; false when two-step is already on. */
export async function savePendingTotp(db: Db, userId: string, secretEncrypted: string): Promise<boolean> {
  const rows = await db
    .insertInto('user_totp')
    .values({ user_id: userId, secret_encrypted: secretEncrypted })
    .onConflict((oc) =>
      oc
        .column('user_id')
        .doUpdateSet({ secret_encrypted: secretEncrypted, created_at: sql`now()`, last_used_step: null })
        .where('user_totp.enabled_at', 'is', null),
    )
    .returning('user_id')
    .execute();
  return rows.length === 1;
}

export async function enableTotp(db: Db, userId: string, step: number): Promise<boolean> {
  const row = await db
    .updateTable('user_totp')
    .set({ enabled_at: sql`now()`, last_used_step: step })
    .where('user_id', '=', userId)
    .where('enabled_at', 'is', null)
    .returning('user_id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Marks a time step as used; false when this or a later step was already used (a replayed code). */
export async function claimStep(db: Db, userId: string, step: number): Promise<boolean> {
  const row = await db
    .updateTable('user_totp')
    .set({ last_used_step: step })
    .where('user_id', '=', userId)
    .where('enabled_at', 'is not', null)
    .where((eb) => eb.or([eb('last_used_step', 'is', null), eb('last_used_step', '<', step)]))
    .returning('user_id')
    .executeTakeFirst();
  return row !== undefined;
}

/** The accounts with two-step on, for the administrator's users page. */
export async function listUsersWithTwoStep(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('user_totp').select('user_id').where('enabled_at', 'is not', null).execute();
  return rows.map((r) => r.user_id);
}

export async function deleteTotp(db: Db, userId: string): Promise<boolean> {
  await db.deleteFrom('user_recovery_code').where('user_id', '=', userId).execute();
  const row = await db.deleteFrom('user_totp').where('user_id', '=', userId).returning('user_id').executeTakeFirst();
  return row !== undefined;
}

export async function replaceRecoveryCodes(db: Db, userId: string, hashes: string[]): Promise<void> {
  await db.deleteFrom('user_recovery_code').where('user_id', '=', userId).execute();
  await db
    .insertInto('user_recovery_code')
    .values(hashes.map((code_hash) => ({ user_id: userId, code_hash })))
    .execute();
}

/** Uses up one recovery code in one statement, so two requests cannot both spend it. */
export async function spendRecoveryCode(db: Db, userId: string, hash: string): Promise<boolean> {
  const row = await db
    .updateTable('user_recovery_code')
    .set({ used_at: sql`now()` })
    .where('user_id', '=', userId)
    .where('code_hash', '=', hash)
    .where('used_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function countUnusedRecoveryCodes(db: Db, userId: string): Promise<number> {
  const row = await db
    .selectFrom('user_recovery_code')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface StoredPolicy {
  required: boolean;
  version: number;
  updatedAt: Date;
}

export async function findPolicy(db: Db, forUpdate = false): Promise<StoredPolicy | null> {
  const row = await db
    .selectFrom('app_meta')
    .select(['value', 'updated_at'])
    .where('key', '=', POLICY_KEY)
    .$if(forUpdate, (qb) => qb.forUpdate())
    .executeTakeFirst();
  if (!row) return null;
  const value = row.value as { required: boolean; version: number };
  return { required: value.required === true, version: value.version, updatedAt: row.updated_at };
}

/** Writes the policy as version expected + 1 when the stored version is still `expected` (0: never saved). */
export async function savePolicy(db: Db, required: boolean, expected: number): Promise<boolean> {
  const value = JSON.stringify({ required, version: expected + 1 });
  const rows = await db
    .insertInto('app_meta')
    .values({ key: POLICY_KEY, value })
    .onConflict((oc) =>
      oc
        .column('key')
        .doUpdateSet({ value, updated_at: sql`now()` })
        .where(sql<boolean>`(app_meta.value->>'version')::int = ${expected}`),
    )
    .returning('key')
    .execute();
  return rows.length === 1;
}

/** Whether the account has two-step on, and whether the policy requires it: read with every request's session. */
export const twoStepColumns = {
  totpOn: sql<boolean>`exists (select 1 from user_totp t where t.user_id = app_user.id and t.enabled_at is not null)`,
  policyOn: sql<boolean>`coalesce((select (m.value->>'required')::boolean from app_meta m where m.key = ${POLICY_KEY}), false)`,
};
