import QRCode from 'qrcode';
import type { Db } from '../../db/database.js';
import { AppError, RetryLaterError, conflict, forbidden, notFound } from '../../errors.js';
import { twoStepRequiredFor } from '../../domain/account-security.js';
import { recordAudit } from '../audit/audit.repository.js';
import { countHits } from '../rate-limits/rate-limits.repository.js';
import { endSessions, findCredentials } from '../users/users.repository.js';
import { verifyPassword } from '../users/password.js';
import type { Actor } from '../../access/actor.js';
import { decrypt, encrypt, type AccountKeys } from './account-keys.js';
import { hashRecoveryCode, newRecoveryCodes } from './recovery-codes.js';
import { matchingStep, newTotpSecret, otpauthUri } from './totp.js';
import * as repo from './two-step.repository.js';
import type { ConfirmTwoStepInput, DisableTwoStepInput, TwoStepSetupDto, TwoStepStatusDto } from './two-step.schemas.js';

/** Code attempts per account per window, on the sign-in step and on confirming setup alike. */
export const TWO_STEP_ATTEMPTS = 5;
export const TWO_STEP_WINDOW_SECONDS = 5 * 60;

const tooMany = (seconds: number) =>
  new RetryLaterError(429, 'RATE_LIMITED', 'Too many attempts; wait a few minutes and try again', seconds);
export const wrongCode = () => new AppError(400, 'TWO_STEP_CODE_WRONG', 'The code is not right; check the app and try again');

/** Counts one attempt under `key`; past the limit a 429 before any code is checked. */
export async function admitAttempt(db: Db, key: string): Promise<void> {
  const [count] = await countHits(db, [key], TWO_STEP_WINDOW_SECONDS);
  if (count.hits > TWO_STEP_ATTEMPTS) throw tooMany(count.resetInSeconds);
}

export async function isRequiredFor(db: Db, role: Actor['role']): Promise<boolean> {
  return twoStepRequiredFor(role, (await repo.findPolicy(db))?.required ?? false);
}

export async function status(db: Db, actor: Actor): Promise<TwoStepStatusDto> {
  const totp = await repo.findTotp(db, actor.id);
  const enabled = Boolean(totp?.enabled_at);
  return {
    enabled,
    pending: Boolean(totp) && !enabled,
    required: await isRequiredFor(db, actor.role),
    enabledAt: totp?.enabled_at?.toISOString() ?? null,
    recoveryCodesLeft: enabled ? await repo.countUnusedRecoveryCodes(db, actor.id) : 0,
  };
}

/** A new pending secret each call (a half-finished setup is simply replaced); on once confirmed with a code. */
export async function setUp(db: Db, keys: AccountKeys, actor: Actor): Promise<TwoStepSetupDto> {
  const account = await findCredentials(db, actor.id);
  if (!account) throw notFound('User');
  const secret = newTotpSecret();
  if (!(await repo.savePendingTotp(db, actor.id, encrypt(keys.totpSecret, secret)))) {
    throw conflict('TWO_STEP_ALREADY_ENABLED', 'Two-step sign-in is already on; turn it off first to set up a new app');
  }
  const uri = otpauthUri(secret, account.email);
  return { otpauthUri: uri, qrDataUrl: await QRCode.toDataURL(uri, { margin: 1, width: 240 }), manualKey: secret };
}

export function readSecret(keys: AccountKeys, stored: string): string {
  const secret = decrypt(keys.totpSecret, stored);
  // Only after the server secret changed: the stored secret cannot be read, so the app must be set up again.
  if (secret === null) throw conflict('TWO_STEP_SECRET_UNREADABLE', 'Two-step sign-in must be set up again');
  return secret;
}

/**
 * Turns two-step on with a first code from the app, answers the recovery codes (shown this once) and ends the
 * account's other sessions, which were opened with the password alone; the caller signs a new token for this one.
 */
export async function confirm(
  db: Db,
  keys: AccountKeys,
  actor: Actor,
  input: ConfirmTwoStepInput,
): Promise<{ recoveryCodes: string[]; sessionVersion: number }> {
  await admitAttempt(db, `two-step-confirm:${actor.id}`);
  const totp = await repo.findTotp(db, actor.id);
  if (!totp) throw conflict('TWO_STEP_NOT_SET_UP', 'Set up two-step sign-in first');
  if (totp.enabled_at) throw conflict('TWO_STEP_ALREADY_ENABLED', 'Two-step sign-in is already on');
  const step = matchingStep(readSecret(keys, totp.secret_encrypted), input.code);
  if (step === null) throw wrongCode();
  const recoveryCodes = newRecoveryCodes();
  return db.transaction().execute(async (trx) => {
    if (!(await repo.enableTotp(trx, actor.id, step))) throw conflict('TWO_STEP_ALREADY_ENABLED', 'Two-step sign-in is already on');
    await repo.replaceRecoveryCodes(
      trx,
      actor.id,
      recoveryCodes.map((code) => hashRecoveryCode(keys.recoveryCode, code)),
    );
    await endSessions(trx, actor.id);
    await recordAudit(trx, {
      userId: actor.id,
      action: 'update',
      entityType: 'user',
      entityId: actor.id,
      changedFields: ['two_step'],
      details: { twoStep: 'enabled' },
    });
    const account = await findCredentials(trx, actor.id);
    return { recoveryCodes, sessionVersion: account?.session_version ?? 1 };
  });
}

/**
 * New recovery codes for an account with two-step on, proven with a fresh code from the app (each step once): the old
 * codes stop working, the new ones are shown this once. Sessions stay: the app already proves who this is.
 */
export async function renewRecoveryCodes(db: Db, keys: AccountKeys, actor: Actor, input: ConfirmTwoStepInput): Promise<string[]> {
  await admitAttempt(db, `two-step-recovery:${actor.id}`);
  const totp = await repo.findTotp(db, actor.id);
  if (!totp?.enabled_at) throw conflict('TWO_STEP_NOT_SET_UP', 'Two-step sign-in is not on');
  const step = matchingStep(readSecret(keys, totp.secret_encrypted), input.code);
  if (step === null) throw wrongCode();
  const recoveryCodes = newRecoveryCodes();
  await db.transaction().execute(async (trx) => {
    if (!(await repo.claimStep(trx, actor.id, step))) throw wrongCode();
    await repo.replaceRecoveryCodes(
      trx,
      actor.id,
      recoveryCodes.map((code) => hashRecoveryCode(keys.recoveryCode, code)),
    );
    await recordAudit(trx, {
      userId: actor.id,
      action: 'update',
      entityType: 'user',
      entityId: actor.id,
      changedFields: ['two_step'],
      details: { twoStep: 'recovery_codes_renewed' },
    });
  });
  return recoveryCodes;
}

const wrongPassword = () => new AppError(400, 'CURRENT_PASSWORD_WRONG', 'The password is not right');

/** Turns two-step off with the account's password; refused while the administrator requires it for the role. */
export async function disable(db: Db, actor: Actor, input: DisableTwoStepInput): Promise<void> {
  await admitAttempt(db, `two-step-disable:${actor.id}`);
  const account = await findCredentials(db, actor.id);
  if (!account || !(await verifyPassword(input.password, account.password_hash))) throw wrongPassword();
  if (await isRequiredFor(db, actor.role)) {
    throw new AppError(403, 'TWO_STEP_REQUIRED', 'An administrator requires two-step sign-in for your role');
  }
  await db.transaction().execute(async (trx) => {
    if (!(await repo.deleteTotp(trx, actor.id))) throw conflict('TWO_STEP_NOT_SET_UP', 'Two-step sign-in is not on');
    await recordAudit(trx, {
      userId: actor.id,
      action: 'update',
      entityType: 'user',
      entityId: actor.id,
      changedFields: ['two_step'],
      details: { twoStep: 'disabled' },
    });
  });
}

export async function usersWithTwoStep(db: Db, actor: Actor): Promise<{ userIds: string[] }> {
  if (actor.role !== 'admin') throw forbidden('Only an administrator sees who uses two-step sign-in');
  return { userIds: await repo.listUsersWithTwoStep(db) };
}

/** An administrator turns off two-step for someone who lost both the app and the recovery codes. */
export async function resetFor(db: Db, actor: Actor, userId: string): Promise<void> {
  if (actor.role !== 'admin') throw forbidden('Only an administrator resets two-step sign-in');
  await db.transaction().execute(async (trx) => {
    if (!(await repo.deleteTotp(trx, userId))) throw conflict('TWO_STEP_NOT_SET_UP', 'Two-step sign-in is not on for this account');
    await endSessions(trx, userId);
    await recordAudit(trx, {
      userId: actor.id,
      action: 'update',
      entityType: 'user',
      entityId: userId,
      changedFields: ['two_step'],
      details: { twoStep: 'reset' },
    });
  });
}
