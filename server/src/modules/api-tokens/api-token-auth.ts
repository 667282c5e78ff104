import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/database.js';
import { AppError, unauthorized } from '../../errors.js';
import { API_TOKEN_PREFIX } from '../../domain/account-security.js';
import type { Actor } from '../../access/actor.js';
import { setupRequired } from '../two-step/session-state.repository.js';
import { findTokenSession, touchToken } from './api-tokens.repository.js';
import { hashApiToken } from './api-tokens.service.js';
import { twoStepSetupRequiredError } from '../two-step/two-step-gate.js';

const READ_METHODS = new Set(['GET', 'HEAD']);
const TOUCH_EVERY_MS = 60_000;

/** The personal API token in `Authorization: Bearer cdt_…`, or null when the request carries none. */
export function bearerApiToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header?.startsWith(`Bearer ${API_TOKEN_PREFIX}`)) return null;
  return header.slice('Bearer '.length).trim();
}

/**
 * The actor behind an API token: its account's role and governorates, as a session would have. Refused: unknown,
 * revoked or expired tokens and inactive accounts (401), token management, password and two-step routes (403
 * TOKEN_NOT_ALLOWED), writes with a read token (403 TOKEN_READ_ONLY).
 */
export async function actorForApiToken(db: Db, request: FastifyRequest, token: string): Promise<Actor> {
  const row = await findTokenSession(db, hashApiToken(token));
  if (!row) throw new AppError(401, 'TOKEN_INVALID', 'This API token is not known');
  if (row.revoked_at) throw new AppError(401, 'TOKEN_REVOKED', 'This API token was revoked');
  if (row.expires_at.getTime() <= Date.now()) throw new AppError(401, 'TOKEN_EXPIRED', 'This API token has expired; create a new one');
  if (!row.active) throw unauthorized('This account is no longer active');
  if (!row.last_used_at || Date.now() - row.last_used_at.getTime() >= TOUCH_EVERY_MS) await touchToken(db, row.id);
  if (request.routeOptions.config?.sessionOnly) {
    throw new AppError(403, 'TOKEN_NOT_ALLOWED', 'API tokens cannot manage tokens, the password or two-step sign-in; use the app');
  }
  if (row.scope === 'read' && !READ_METHODS.has(request.method)) {
    throw new AppError(403, 'TOKEN_READ_ONLY', 'This API token may only read; create a read-write token to make changes');
  }
  if (setupRequired(row.role, row.totp_on, row.policy_on)) throw twoStepSetupRequiredError();
  return { id: row.user_id, role: row.role, governorates: row.governorates };
}
