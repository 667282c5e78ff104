import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Keys for two-step sign-in, each derived from the server's JWT secret for one purpose, so none of them can stand in
 * for another (a sign-in challenge is not a session token, a recovery-code hash is not an encryption key).
 */
export interface AccountKeys {
  totpSecret: Buffer;
  recoveryCode: Buffer;
  challenge: Buffer;
}

const derive = (secret: string, purpose: string) => Buffer.from(hkdfSync('sha256', secret, 'civil-directory', purpose, 32));

const cache = new Map<string, AccountKeys>();
export function accountKeys(serverSecret: string): AccountKeys {
  let keys = cache.get(serverSecret);
  if (!keys) {
    keys = {
      totpSecret: derive(serverSecret, 'totp-secret-encryption'),
      recoveryCode: derive(serverSecret, 'recovery-code-hash'),
      challenge: derive(serverSecret, 'two-step-challenge'),
    };
    cache.set(serverSecret, keys);
  }
  return keys;
}

/** AES-256-GCM: iv.tag.ciphertext, base64url. A changed server secret makes old secrets unreadable (set up again). */
export function encrypt(key: Buffer, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), data].map((b) => b.toString('base64url')).join('.');
}

export function decrypt(key: Buffer, stored: string): string | null {
  const [iv, tag, data] = stored.split('.').map((part) => Buffer.from(part, 'base64url'));
  if (!iv || !tag || !data) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

export const keyedHash = (key: Buffer, text: string) => createHmac('sha256', key).update(text).digest('hex');

export function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
