import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { clearSessionCookie, requireActor, setSessionCookie } from '../../plugins/auth.js';
import { problemResponses } from '../../http/common.schemas.js';
import { LoginBody, LoginResponse, MeResponse } from './auth.schemas.js';
import * as service from './auth.service.js';

const authRoutes: FastifyPluginAsyncTypebox<{ loginRateLimit: number }> = async (app, opts) => {
  app.post(
    '/auth/login',
    {
      config: {
        public: true,
        // Per address and email, so one person's typos do not lock out a whole office behind one NAT.
        rateLimit: {
          max: opts.loginRateLimit,
          timeWindow: '1 minute',
          // After body parsing: in the default onRequest hook the body is not read yet, so the key
          // would be the address alone and one office's failed logins would lock out everyone there.
          hook: 'preHandler',
          keyGenerator: (request) => {
            const email = (request.body as { email?: unknown } | undefined)?.email;
            return `${request.ip}|${typeof email === 'string' ? email.trim().toLowerCase() : ''}`;
          },
        },
      },
      schema: {
        tags: ['auth'],
        security: [],
        body: LoginBody,
        response: { 200: LoginResponse, ...problemResponses(400, 429) },
      },
    },
    async (request, reply) => {
      const user = await service.authenticate(app.db, request.body);
      const token = await reply.jwtSign({ sub: user.id, role: user.role }, {});
      setSessionCookie(reply, token);
      return { token, user };
    },
  );

  app.post(
    '/auth/logout',
    { config: { public: true }, schema: { tags: ['auth'], response: { 204: Type.Null() } } },
    async (_request, reply) => {
      clearSessionCookie(reply);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/auth/me',
    { schema: { tags: ['auth'], response: { 200: MeResponse, ...problemResponses() } } },
    async (request) => ({ user: await service.currentUser(app.db, requireActor(request)) }),
  );
};

export default authRoutes;
