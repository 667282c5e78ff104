import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { ApiTokenScope } from '../../domain/account-security.js';
import { twoStepColumns } from '../two-step/two-step.repository.js';

const LIST_COLUMNS = ['id', 'name', 'prefix', 'scope', 'created_at', 'expires_at', 'last_used_at'] as const;

export async function insertToken(
  db: Db,
  values: { userId: string; name: string; tokenHash: string; prefix: string; scope: ApiTokenScope; expiresAt: Date },
) {
  return db
    .insertInto('api_token')
    .values({
      user_id: values.userId,
      name: values.name,
      token_hash: values.tokenHash,
      prefix: values.prefix,
      scope: values.scope,
      expires_at: values.expiresAt,
    })
    .returning(LIST_COLUMNS)
    .executeTakeFirstOrThrow();
}

/** The account's tokens that were not revoked, expired ones included (so the list says why a script stopped). */
export async function listTokens(db: Db, userId: string) {
  return db
    .selectFrom('api_token')
    .select(LIST_COLUMNS)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .orderBy('created_at', 'desc')
    .execute();
}

export async function countUsableTokens(db: Db, userId: string): Promise<number> {
  const row = await db
    .selectFrom('api_token')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function revokeToken(db: Db, userId: string, id: string) {
  return db
    .updateTable('api_token')
    .set({ revoked_at: sql`now()` })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .returning(['id', 'name'])
    .executeTakeFirst();
}

/** The token behind a hash with its account, whatever its state: the caller tells expired, revoked and inactive apart. */
export async function findTokenSession(db: Db, tokenHash: string) {
  return db
    .selectFrom('api_token')
    .innerJoin('app_user', 'app_user.id', 'api_token.user_id')
    .select([
      'api_token.id',
      'api_token.scope',
      'api_token.expires_at',
      'api_token.revoked_at',
      'api_token.last_used_at',
      'app_user.id as user_id',
      'app_user.role',
      'app_user.governorates',
      'app_user.active',
      twoStepColumns.totpOn.as('totp_on'),
      twoStepColumns.policyOn.as('policy_on'),
    ])
    .where('api_token.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** At most one write a minute per token, however many requests a script makes. */
export async function touchToken(db: Db, id: string): Promise<void> {
  await db
    .updateTable('api_token')
    .set({ last_used_at: sql`now()` })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', sql<Date>`now() - interval '1 minute'`)]))
    .execute();
}
