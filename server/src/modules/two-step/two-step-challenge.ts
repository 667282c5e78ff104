import { randomBytes } from 'node:crypto';
import { keyedHash, sameText } from './account-keys.js';

/** How long the code step may take after the password step. */
export const CHALLENGE_TTL_SECONDS = 5 * 60;

export interface Challenge {
  userId: string;
  /** The account's session version at the password step: a password change in between voids the challenge. */
  sessionVersion: number;
  nonce: string;
}

/**
 * A signed, short-lived proof that the password step passed. Signed with its own key, not the JWT one, so it can
 * never be presented as a session token.
 */
export function signChallenge(key: Buffer, userId: string, sessionVersion: number, now = Date.now()): string {
  const body = Buffer.from(
    JSON.stringify({
      sub: userId,
      sv: sessionVersion,
      exp: Math.floor(now / 1000) + CHALLENGE_TTL_SECONDS,
      n: randomBytes(9).toString('base64url'),
    }),
  ).toString('base64url');
  return `${body}.${keyedHash(key, body)}`;
}

/** The challenge's content, or null when its signature is wrong or it has expired. */
export function readChallenge(key: Buffer, challenge: string, now = Date.now()): Challenge | null {
  const [body, signature] = challenge.split('.');
  if (!body || !signature || !sameText(signature, keyedHash(key, body))) return null;
  const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as { sub: string; sv: number; exp: number; n: string };
  if (claims.exp * 1000 < now) return null;
  return { userId: claims.sub, sessionVersion: claims.sv, nonce: claims.n };
}
