import fp from 'fastify-plugin';
import fastifyCookie from '@fastify/cookie';
import fastifyJwt from '@fastify/jwt';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../access/actor.js';
import { findSessionState } from '../modules/two-step/session-state.repository.js';
import { twoStepSetupRequiredError } from '../modules/two-step/two-step-gate.js';
import { actorForApiToken, bearerApiToken } from '../modules/api-tokens/api-token-auth.js';
import { AppError, unauthorized } from '../errors.js';
import { isCrossSiteWrite } from './same-origin.js';
import type { Role } from '../domain/roles.js';

export const SESSION_COOKIE = 'session';
export const SESSION_TTL_SECONDS = 12 * 60 * 60;

declare module 'fastify' {
  interface FastifyInstance {
    /** true when PUBLIC_URL is https; 'auto' follows the request's protocol (X-Forwarded-Proto behind a trusted proxy). */
    sessionCookieSecure: true | 'auto';
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    /** Routes that answer without a session (health, login). */
    public?: boolean;
    /** Reachable by a session that must set up two-step sign-in before anything else (see docs/api-auth.md). */
    twoStepSetup?: boolean;
    /** Refused to personal API tokens: token management, password, two-step, sessions. */
    sessionOnly?: boolean;
  }
}

declare module '@fastify/jwt' {
  interface FastifyJWT {
    /** sv: the account's session version when the token was issued (absent in tokens from before it existed = 1). */
    payload: { sub: string; role: Role; sv?: number };
    user: { sub: string; role: Role; sv?: number };
  }
}

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthorized();
  return request.actor;
}

const cookieOptions = (reply: FastifyReply) =>
  ({ path: '/', httpOnly: true, sameSite: 'strict', secure: reply.server.sessionCookieSecure }) as const;

export function setSessionCookie(reply: FastifyReply, token: string) {
  reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions(reply), maxAge: SESSION_TTL_SECONDS });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, cookieOptions(reply));
}

async function authPlugin(app: FastifyInstance, opts: { secret: string; publicUrl: string | null }) {
  app.decorate('sessionCookieSecure', opts.publicUrl?.startsWith('https:') ? true : ('auto' as const));
  await app.register(fastifyCookie);
  await app.register(fastifyJwt, {
    secret: opts.secret,
    cookie: { cookieName: SESSION_COOKIE, signed: false },
    sign: { expiresIn: SESSION_TTL_SECONDS },
  });
  app.decorateRequest('actor', null);

  // Every /api route needs a session unless it says otherwise. The user is re-read on each request
  // so a deactivated account or a changed role takes effect at once, not when the token expires.
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/') || request.url.startsWith('/api/docs')) return;
    if (isCrossSiteWrite(request, opts.publicUrl)) {
      throw new AppError(403, 'CROSS_SITE_REQUEST', 'This change must be made from the app itself');
    }
    if (request.routeOptions.config?.public) return;
    if (!request.routeOptions.url) return;
    const apiToken = bearerApiToken(request);
    if (apiToken) {
      request.actor = await actorForApiToken(app.db, request, apiToken);
      return;
    }
    let payload: { sub: string; sv?: number };
    try {
      payload = await request.jwtVerify<{ sub: string; sv?: number }>();
    } catch {
      throw unauthorized('Your session is missing or has expired; sign in again');
    }
    const session = await findSessionState(app.db, payload.sub);
    if (!session) throw unauthorized('This account is no longer active');
    if ((payload.sv ?? 1) !== session.sessionVersion) throw unauthorized('This session was ended; sign in again');
    if (session.twoStepSetupRequired && !request.routeOptions.config?.twoStepSetup) throw twoStepSetupRequiredError();
    request.actor = session.actor;
  });
}

export default fp(authPlugin, { name: 'auth', dependencies: ['db'] });
