import type { Db } from '../../db/database.js';
import { AppError, RetryLaterError, invalid } from '../../errors.js';
import { passwordProblems } from '../../domain/password-policy.js';
import { recordAudit } from '../audit/audit.repository.js';
import { countHits } from '../rate-limits/rate-limits.repository.js';
import { endSessions, findCredentials, setPassword } from '../users/users.repository.js';
import { hashPassword, verifyPassword } from '../users/password.js';
import type { Actor } from '../../access/actor.js';
import type { ChangePasswordInput } from './auth.schemas.js';

/** Attempts at the current password per account per 15 minutes: a stolen open session cannot guess it. */
export const PASSWORD_ATTEMPTS = 5;
const WINDOW_SECONDS = 15 * 60;

const wrongPassword = () => new AppError(400, 'CURRENT_PASSWORD_WRONG', 'The current password is not right');

/**
 * Changes the signed-in user's own password. Every session of the account ends, this one included; the caller signs
 * the returned session version into a fresh token so this device stays signed in.
 */
export async function changeOwnPassword(db: Db, actor: Actor, input: ChangePasswordInput): Promise<{ sessionVersion: number }> {
  const [count] = await countHits(db, [`password-change:${actor.id}`], WINDOW_SECONDS);
  if (count.hits > PASSWORD_ATTEMPTS) {
    throw new RetryLaterError(429, 'RATE_LIMITED', 'Too many attempts; wait a few minutes and try again', count.resetInSeconds);
  }
  const account = await findCredentials(db, actor.id);
  if (!account) throw wrongPassword();
  if (!(await verifyPassword(input.currentPassword, account.password_hash))) throw wrongPassword();
  const problems = passwordProblems(input.newPassword, account, input.currentPassword);
  if (problems.length) throw invalid(problems.map((code) => ({ field: 'newPassword', code, message: code.replace(/_/g, ' ') })));
  const hash = await hashPassword(input.newPassword);
  return db.transaction().execute(async (trx) => {
    const sessionVersion = await setPassword(trx, actor.id, hash);
    await recordAudit(trx, { userId: actor.id, action: 'update', entityType: 'user', entityId: actor.id, changedFields: ['password'] });
    return { sessionVersion };
  });
}

/** "Sign out everywhere": every token of the account stops working at its next request. */
export async function signOutEverywhere(db: Db, actor: Actor): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await endSessions(trx, actor.id);
    await recordAudit(trx, { userId: actor.id, action: 'update', entityType: 'user', entityId: actor.id, changedFields: ['sessions'] });
  });
}
