import type { Db } from '../../db/database.js';
import { RetryLaterError } from '../../errors.js';
import { countHits, peekHits, purgeOldHits, type WindowCount } from '../rate-limits/rate-limits.repository.js';

export interface LoginLimits {
  /** Attempts per minute for one email from one address: one person's typos never lock out their office. */
  perAddressAndEmail: number;
  /** Attempts per minute from one address whatever the email, so an address cannot walk through many accounts. */
  perAddress: number;
  /**
   * Failed sign-ins per minute across all addresses past which an address that has already failed this minute is
   * refused (a guessing run spread over many addresses); people who have not mistyped still get in.
   */
  globalFailures: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = { perAddressAndEmail: 10, perAddress: 30, globalFailures: 300 };

const WINDOW_SECONDS = 60;
const ALL_FAILURES = 'login-failed:*';
const keys = (address: string, email: string) => ({
  pair: `login:${address}|${email}`,
  address: `login:${address}`,
  addressFailures: `login-failed:${address}`,
});

const tooMany = (retryAfterSeconds: number) =>
  new RetryLaterError(429, 'RATE_LIMITED', 'Too many attempts; wait a minute and try again', retryAfterSeconds);

const find = (counts: WindowCount[], key: string) => counts.find((c) => c.key === key);

/**
 * Counts a sign-in attempt and refuses it (429 with Retry-After) past any limit. The counters live in PostgreSQL, so
 * every server instance sees the same ones.
 */
export async function admitLoginAttempt(db: Db, limits: LoginLimits, address: string, email: string): Promise<void> {
  const k = keys(address, email);
  const counted = await countHits(db, [k.pair, k.address], WINDOW_SECONDS);
  for (const [key, max] of [
    [k.pair, limits.perAddressAndEmail],
    [k.address, limits.perAddress],
  ] as const) {
    const count = find(counted, key);
    if (count && count.hits > max) throw tooMany(count.resetInSeconds);
  }
  const failures = await peekHits(db, [ALL_FAILURES, k.addressFailures], WINDOW_SECONDS);
  const all = find(failures, ALL_FAILURES);
  const mine = find(failures, k.addressFailures);
  if (all && mine && all.hits >= limits.globalFailures) throw tooMany(all.resetInSeconds);
}

/** Counts a failed sign-in toward the global back-off. Now and then also clears windows closed an hour ago. */
export async function recordLoginFailure(db: Db, address: string): Promise<void> {
  await countHits(db, [ALL_FAILURES, keys(address, '').addressFailures], WINDOW_SECONDS);
  if (Math.random() < 0.05) await purgeOldHits(db, 3600);
}
