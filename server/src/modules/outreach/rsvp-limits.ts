import type { Db } from '../../db/database.js';
import { RetryLaterError } from '../../errors.js';
import { countHits } from '../rate-limits/rate-limits.repository.js';
import { tokenHash } from './reply-link-tokens.js';

/**
 * Limits on the public reply routes. Counters live in PostgreSQL like the sign-in limits, so every instance sees the
 * same ones. A token's counter is keyed by the token's hash (already stored for the link), never the token.
 */
export interface ReplyLimits {
  /** Answers per link in 10 minutes: someone changing their mind a few times is fine, a script flipping it is not. */
  answersPerToken: number;
  /** Answers per client address per minute: a whole office behind one address may answer at once. */
  answersPerAddress: number;
  /** Page views per client address per minute: looser, a view changes nothing but the open count. */
  viewsPerAddress: number;
}

export const DEFAULT_REPLY_LIMITS: ReplyLimits = { answersPerToken: 10, answersPerAddress: 60, viewsPerAddress: 300 };

const TOKEN_WINDOW_SECONDS = 600;
const ADDRESS_WINDOW_SECONDS = 60;

const tooMany = (retryAfterSeconds: number) =>
  new RetryLaterError(429, 'RATE_LIMITED', 'Too many requests; wait a little and try again', retryAfterSeconds);

async function admit(db: Db, key: string, windowSeconds: number, max: number): Promise<void> {
  const [count] = await countHits(db, [key], windowSeconds);
  if (count && count.hits > max) throw tooMany(count.resetInSeconds);
}

export async function admitReplyView(db: Db, limits: ReplyLimits, address: string): Promise<void> {
  await admit(db, `rsvp-view:${address}`, ADDRESS_WINDOW_SECONDS, limits.viewsPerAddress);
}

export async function admitReplyAnswer(db: Db, limits: ReplyLimits, address: string, token: string): Promise<void> {
  await admit(db, `rsvp-answer:${address}`, ADDRESS_WINDOW_SECONDS, limits.answersPerAddress);
  await admit(db, `rsvp-answer-link:${tokenHash(token)}`, TOKEN_WINDOW_SECONDS, limits.answersPerToken);
}
