import type { FastifyRequest } from 'fastify';
import { ReplyLinkTokens } from './reply-link-tokens.js';
import type { ReplyLinkContext } from './reply-links.service.js';

export interface OutreachRouteOptions {
  /** How links are made for a request: PUBLIC_URL when set, else the address the request came to. */
  linkContext: (request: FastifyRequest) => ReplyLinkContext;
}

export function outreachRouteOptions(serverSecret: string, publicUrl: string | null): OutreachRouteOptions {
  const tokens = new ReplyLinkTokens(serverSecret);
  return { linkContext: (request) => ({ tokens, origin: publicUrl ?? `${request.protocol}://${request.host}` }) };
}
