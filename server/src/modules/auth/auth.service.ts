import type { Db } from '../../db/database.js';
import { AppError, notFound } from '../../errors.js';
import { recordAudit } from '../audit/audit.repository.js';
import { recordFailedLogin } from '../audit/failed-login.js';
import { findUserById, findUserForLogin, touchLastLogin } from '../users/users.repository.js';
import { toUserDto } from '../users/users.service.js';
import type { UserDto } from '../users/users.schemas.js';
import { dummyPasswordHash, verifyPassword } from '../users/password.js';
import type { Actor } from '../../access/actor.js';
import type { LoginInput } from './auth.schemas.js';
import { admitLoginAttempt, recordLoginFailure, type LoginLimits } from './login-limits.js';

const invalidCredentials = () => new AppError(401, 'INVALID_CREDENTIALS', 'Wrong email or password');

/**
 * The same answer, after the same work, whether the email is unknown, the password wrong or the account inactive;
 * past the sign-in limits of `address` a 429 before any password is checked. Records nothing on success: see recordSignIn.
 */
export async function authenticate(
  db: Db,
  input: LoginInput,
  address: string,
  limits: LoginLimits,
): Promise<{ user: UserDto; sessionVersion: number }> {
  const email = input.email.trim().toLowerCase();
  await admitLoginAttempt(db, limits, address, email);
  const row = await findUserForLogin(db, email);
  const ok = await verifyPassword(input.password, row?.password_hash ?? (await dummyPasswordHash()));
  if (!row || !ok || !row.active) {
    await recordLoginFailure(db, address);
    await recordFailedLogin(db, row?.id ?? null, address);
    throw invalidCredentials();
  }
  return { user: toUserDto(row), sessionVersion: row.session_version };
}

/**
 * A sign-in is recorded when a session is granted: after the password alone, or after the second step when two-step
 * sign-in is on (a right password without the code is not a sign-in).
 */
export async function recordSignIn(db: Db, userId: string, address: string, details?: Record<string, unknown>): Promise<void> {
  await touchLastLogin(db, userId);
  await recordAudit(db, { userId, action: 'login', entityType: 'user', entityId: userId, address, ...(details ? { details } : {}) });
}

export async function currentUser(db: Db, actor: Actor): Promise<UserDto> {
  const row = await findUserById(db, actor.id);
  if (!row) throw notFound('User');
  return toUserDto(row);
}
