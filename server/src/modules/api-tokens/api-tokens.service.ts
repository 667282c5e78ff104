import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/database.js';
import { conflict, invalid, notFound } from '../../errors.js';
import { API_TOKEN_PREFIX } from '../../domain/account-security.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { Actor } from '../../access/actor.js';
import * as repo from './api-tokens.repository.js';
import type { ApiTokenDto, ApiTokenListDto, CreateApiTokenInput, CreatedApiTokenDto } from './api-tokens.schemas.js';

/** Usable tokens per account: enough for every script, few enough to review. */
export const MAX_TOKENS_PER_USER = 20;
const DAY_MS = 24 * 60 * 60 * 1000;
/** "cdt_" and 8 characters: enough to recognise a token, far too few to guess the rest. */
const DISPLAY_PREFIX_LENGTH = API_TOKEN_PREFIX.length + 8;

/** The token's 256 random bits make a plain SHA-256 enough: there is nothing to guess, unlike a password. */
export const hashApiToken = (token: string) => createHash('sha256').update(token).digest('hex');

type TokenRow = Awaited<ReturnType<typeof repo.listTokens>>[number];
function toDto(row: TokenRow): ApiTokenDto {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scope: row.scope,
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
  };
}

export async function createToken(db: Db, actor: Actor, input: CreateApiTokenInput): Promise<CreatedApiTokenDto> {
  const name = input.name.trim();
  if (!name) throw invalid([{ field: 'name', code: 'required', message: 'a name that says what the token is for' }]);
  const token = API_TOKEN_PREFIX + randomBytes(32).toString('base64url');
  return db.transaction().execute(async (trx) => {
    if ((await repo.countUsableTokens(trx, actor.id)) >= MAX_TOKENS_PER_USER) {
      throw conflict('TOO_MANY_TOKENS', `At most ${MAX_TOKENS_PER_USER} tokens; revoke one you no longer use`);
    }
    const row = await repo.insertToken(trx, {
      userId: actor.id,
      name,
      tokenHash: hashApiToken(token),
      prefix: token.slice(0, DISPLAY_PREFIX_LENGTH),
      scope: input.scope,
      expiresAt: new Date(Date.now() + input.expiresInDays * DAY_MS),
    });
    await recordAudit(trx, {
      userId: actor.id,
      action: 'create',
      entityType: 'api_token',
      entityId: row.id,
      details: { name, scope: input.scope, expiresInDays: input.expiresInDays },
    });
    return { token, apiToken: toDto(row) };
  });
}

export async function listTokens(db: Db, actor: Actor): Promise<ApiTokenListDto> {
  return { items: (await repo.listTokens(db, actor.id)).map(toDto) };
}

export async function revokeToken(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await repo.revokeToken(trx, actor.id, id);
    if (!row) throw notFound('Token');
    await recordAudit(trx, { userId: actor.id, action: 'delete', entityType: 'api_token', entityId: id, details: { name: row.name } });
  });
}
