import { randomBytes } from 'node:crypto';
import { RECOVERY_CODE_COUNT } from '../../domain/account-security.js';
import { keyedHash } from './account-keys.js';

// Crockford's base32: no i, l, o or u, so a code read aloud or copied by hand is not mistaken. 10 characters = 50 bits.
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const LENGTH = 10;

function newCode(): string {
  const chars = [...randomBytes(LENGTH)].map((byte) => ALPHABET[byte & 31]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

export const newRecoveryCodes = () => Array.from({ length: RECOVERY_CODE_COUNT }, newCode);

/** The form that is hashed: case, spaces and dashes do not matter, and look-alike letters count as their digits. */
export function normalizeRecoveryCode(code: string): string {
  return code
    .toLowerCase()
    .replace(/[^0-9a-z]/g, '')
    .replace(/o/g, '0')
    .replace(/[il]/g, '1');
}

export const hashRecoveryCode = (key: Buffer, code: string) => keyedHash(key, normalizeRecoveryCode(code));
