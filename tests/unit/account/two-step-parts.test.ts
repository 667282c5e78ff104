import { describe, expect, it } from 'vitest';
import { accountKeys, decrypt, encrypt } from '../../../server/src/modules/two-step/account-keys.js';
import { CHALLENGE_TTL_SECONDS, readChallenge, signChallenge } from '../../../server/src/modules/two-step/two-step-challenge.js';
import { hashRecoveryCode, newRecoveryCodes, normalizeRecoveryCode } from '../../../server/src/modules/two-step/recovery-codes.js';
import { matchingStep, newTotpSecret } from '../../../server/src/modules/two-step/totp.js';
import { totpCode } from '../../helpers/two-step.js';

/** The pieces of two-step sign-in that need no database: keys, challenges, recovery codes, code windows. */
const keys = accountKeys('unit-test-secret-that-is-long-enough-0123');
const USER = '3f0c1a52-8c1e-4a57-9b7a-2d3f4e5a6b7c';

describe('derived keys', () => {
  it('differ per purpose and per server secret', () => {
    const other = accountKeys('another-secret-that-is-long-enough-01234');
    expect(keys.challenge.equals(keys.totpSecret)).toBe(false);
    expect(keys.challenge.equals(other.challenge)).toBe(false);
  });

  it('encrypt a TOTP secret so that only the same key reads it back', () => {
    const secret = newTotpSecret();
    const stored = encrypt(keys.totpSecret, secret);
    expect(stored).not.toContain(secret);
    expect(decrypt(keys.totpSecret, stored)).toBe(secret);
    expect(decrypt(keys.recoveryCode, stored)).toBeNull();
    expect(decrypt(keys.totpSecret, stored.slice(0, -3) + 'AAA')).toBeNull();
  });
});

describe('sign-in challenge', () => {
  it('reads back its user and session version until it expires', () => {
    const now = Date.now();
    const challenge = signChallenge(keys.challenge, USER, 4, now);
    expect(readChallenge(keys.challenge, challenge, now + 1000)).toMatchObject({ userId: USER, sessionVersion: 4 });
    expect(readChallenge(keys.challenge, challenge, now + (CHALLENGE_TTL_SECONDS + 1) * 1000)).toBeNull();
  });

  it('is refused when signed with another key or changed', () => {
    const challenge = signChallenge(keys.challenge, USER, 1);
    expect(readChallenge(keys.totpSecret, challenge)).toBeNull();
    const [body, signature] = challenge.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body, 'base64url').toString()), sv: 2 })).toString('base64url');
    expect(readChallenge(keys.challenge, `${forged}.${signature}`)).toBeNull();
    expect(readChallenge(keys.challenge, 'not-a-challenge')).toBeNull();
  });
});

describe('recovery codes', () => {
  it('are 10 distinct codes that hash the same however they are typed', () => {
    const codes = newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    const [code] = codes;
    expect(hashRecoveryCode(keys.recoveryCode, ` ${code.toUpperCase().replace('-', ' ')} `)).toBe(
      hashRecoveryCode(keys.recoveryCode, code),
    );
    expect(normalizeRecoveryCode('AbcO1-iL9')).toBe('abc01119');
  });
});

describe('TOTP codes', () => {
  it('accept the current step and one either side, and nothing further', () => {
    const secret = newTotpSecret();
    const now = Date.now();
    const step = Math.floor(now / 30_000);
    expect(matchingStep(secret, totpCode(secret, 0, now), now)).toBe(step);
    expect(matchingStep(secret, totpCode(secret, 1, now), now)).toBe(step + 1);
    expect(matchingStep(secret, totpCode(secret, -1, now), now)).toBe(step - 1);
    expect(matchingStep(secret, totpCode(secret, 3, now), now)).toBeNull();
    expect(matchingStep(secret, 'abcdef', now)).toBeNull();
    expect(matchingStep(secret, totpCode(secret, 0, now).replace(/(\d{3})/, '$1 '), now)).toBe(step);
  });
});
