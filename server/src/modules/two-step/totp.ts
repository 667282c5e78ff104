import { Secret, TOTP } from 'otpauth';
import { TOTP_DIGITS, TOTP_PERIOD_SECONDS } from '../../domain/account-security.js';

const ISSUER = 'Stakeholder directory';

function totpFor(base32Secret: string, label: string): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label,
    algorithm: 'SHA1',
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
    secret: Secret.fromBase32(base32Secret),
  });
}

/** 160 random bits, the size RFC 4226 recommends, as the base32 text authenticator apps take. */
export const newTotpSecret = () => new Secret({ size: 20 }).base32;

export const otpauthUri = (base32Secret: string, label: string) => totpFor(base32Secret, label).toString();

/**
 * The time step a code belongs to, accepting one step either side for clock skew (RFC 6238 section 5.2), or null
 * when the code is wrong.
 */
export function matchingStep(base32Secret: string, code: string, now = Date.now()): number | null {
  const token = code.replace(/\s/g, '');
  if (!new RegExp(`^\\d{${TOTP_DIGITS}}$`).test(token)) return null;
  const delta = totpFor(base32Secret, '').validate({ token, timestamp: now, window: 1 });
  if (delta === null) return null;
  return TOTP.counter({ period: TOTP_PERIOD_SECONDS, timestamp: now }) + delta;
}
