import { createHash, createHmac, randomBytes, randomUUID } from 'node:crypto';

/*
 * Reply-link tokens are never stored. A link row keeps a random nonce; the token is HMAC-SHA256(key, id.nonce) cut to
 * 192 bits, where the key is derived from the server's secret. Staff can therefore show the same link again (to send it
 * by WhatsApp today and by email tomorrow) while a copy of the database opens nothing. Lookups use SHA-256(token).
 */
export class ReplyLinkTokens {
  private readonly key: Buffer;

  constructor(serverSecret: string) {
    this.key = createHmac('sha256', serverSecret).update('invitation-reply-links/v1').digest();
  }

  /** A new link's id and nonce, and the hash to store for it. */
  newLink(): { id: string; nonce: string; tokenHash: string } {
    const id = randomUUID();
    const nonce = randomBytes(16).toString('base64url');
    return { id, nonce, tokenHash: tokenHash(this.token(id, nonce)) };
  }

  token(linkId: string, nonce: string): string {
    return createHmac('sha256', this.key).update(`${linkId}.${nonce}`).digest().subarray(0, 24).toString('base64url');
  }
}

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** What a token looks like; anything else is refused before it reaches the database. */
export const REPLY_TOKEN_PATTERN = '^[A-Za-z0-9_-]{32}$';

/** The invitee's address of a link: the public page of the web app. */
export const replyUrl = (origin: string, token: string) => `${origin}/r/${token}`;
