import type { Db } from '../../db/database.js';
import { AppError, notFound } from '../../errors.js';
import { recordAudit } from '../audit/audit.repository.js';
import { recordFailedLogin } from '../audit/failed-login.js';
import { findUserById, findUserForLogin, touchLastLogin } from '../users/users.repository.js';
import { toUserDto } from '../users/users.service.js';
import type { UserDto } from '../users/users.schemas.js';
import { dummyPasswordHash, verifyPassword } from './password.js';
import type { Actor } from './actor.js';
import type { LoginInput } from './auth.schemas.js';
import { admitLoginAttempt, recordLoginFailure, type LoginLimits } from './login-limits.js';

const invalidCredentials = () => new AppError(401, 'INVALID_CREDENTIALS', 'Wrong email or password');

/**
 * The same answer, after the same work, whether the email is unknown, the password wrong or the account inactive;
 * past the sign-in limits of `address` a 429 before any password is checked.
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
  await db.transaction().execute(async (trx) => {
    await touchLastLogin(trx, row.id);
    await recordAudit(trx, { userId: row.id, action: 'login', entityType: 'user', entityId: row.id, address });
  });
  return { user: toUserDto(row), sessionVersion: row.session_version };
}

export async function currentUser(db: Db, actor: Actor): Promise<UserDto> {
  const row = await findUserById(db, actor.id);
  if (!row) throw notFound('User');
  return toUserDto(row);
}
