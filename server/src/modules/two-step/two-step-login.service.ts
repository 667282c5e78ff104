import type { Db } from '../../db/database.js';
import { AppError } from '../../errors.js';
import { recordSignIn } from '../auth/auth.service.js';
import { findUserById } from '../users/users.repository.js';
import { toUserDto } from '../users/users.service.js';
import type { UserDto } from '../users/users.schemas.js';
import type { AccountKeys } from './account-keys.js';
import { hashRecoveryCode } from './recovery-codes.js';
import { matchingStep } from './totp.js';
import { CHALLENGE_TTL_SECONDS, readChallenge, signChallenge } from './two-step-challenge.js';
import * as repo from './two-step.repository.js';
import { findSessionState } from './session-state.repository.js';
import { admitAttempt, readSecret, wrongCode } from './two-step.service.js';
import type { TwoStepLoginInput } from './two-step.schemas.js';

const challengeInvalid = () =>
  new AppError(401, 'TWO_STEP_CHALLENGE_INVALID', 'The sign-in took too long or was replaced; enter your email and password again');

/**
 * After the password step: when the account has two-step on, the challenge to answer with a code (no session yet);
 * otherwise null and the password step signs in directly.
 */
export async function secondStepFor(
  db: Db,
  keys: AccountKeys,
  userId: string,
  sessionVersion: number,
): Promise<{ twoStep: true; challenge: string; expiresInSeconds: number } | null> {
  const totp = await repo.findTotp(db, userId);
  if (!totp?.enabled_at) return null;
  return { twoStep: true, challenge: signChallenge(keys.challenge, userId, sessionVersion), expiresInSeconds: CHALLENGE_TTL_SECONDS };
}

/** Whether a freshly signed-in account may only set up two-step (see session-state.repository.ts). */
export async function setupRequiredFor(db: Db, userId: string): Promise<boolean> {
  return (await findSessionState(db, userId))?.twoStepSetupRequired ?? false;
}

/**
 * The code step: a code from the app (one step of clock skew either way, each step once) or an unused recovery code.
 * Attempts are counted per account, whatever challenge they come with, so new challenges do not buy new guesses.
 */
export async function completeSecondStep(
  db: Db,
  keys: AccountKeys,
  input: TwoStepLoginInput,
  address: string,
): Promise<{ user: UserDto; sessionVersion: number }> {
  if (!input.code === !input.recoveryCode) {
    throw new AppError(400, 'VALIDATION_FAILED', 'Send either code or recoveryCode', [
      { field: 'code', code: 'required', message: 'code or recoveryCode' },
    ]);
  }
  const challenge = readChallenge(keys.challenge, input.challenge);
  if (!challenge) throw challengeInvalid();
  await admitAttempt(db, `two-step-login:${challenge.userId}`);
  const session = await findSessionState(db, challenge.userId);
  const totp = await repo.findTotp(db, challenge.userId);
  if (!session || session.sessionVersion !== challenge.sessionVersion || !totp?.enabled_at) throw challengeInvalid();

  return db.transaction().execute(async (trx) => {
    let method: 'totp' | 'recovery_code';
    if (input.code) {
      const step = matchingStep(readSecret(keys, totp.secret_encrypted), input.code);
      // A replayed code (its step already used) is as wrong as a mistyped one.
      if (step === null || !(await repo.claimStep(trx, challenge.userId, step))) throw wrongCode();
      method = 'totp';
    } else {
      const spent = await repo.spendRecoveryCode(trx, challenge.userId, hashRecoveryCode(keys.recoveryCode, input.recoveryCode ?? ''));
      if (!spent) throw new AppError(400, 'RECOVERY_CODE_WRONG', 'This recovery code is not right or was already used');
      method = 'recovery_code';
    }
    const details: Record<string, unknown> = { step: 'two-step', method };
    if (method === 'recovery_code') details.recoveryCodesLeft = await repo.countUnusedRecoveryCodes(trx, challenge.userId);
    await recordSignIn(trx, challenge.userId, address, details);
    const row = await findUserById(trx, challenge.userId);
    if (!row) throw challengeInvalid();
    return { user: toUserDto(row), sessionVersion: session.sessionVersion };
  });
}
