import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { clearSessionCookie, requireActor, setSessionCookie } from '../../plugins/auth.js';
import { problemResponses } from '../../http/common.schemas.js';
import { LoginBody, LoginResponse, MeResponse } from './auth.schemas.js';
import * as service from './auth.service.js';
import type { LoginLimits } from './login-limits.js';

const authRoutes: FastifyPluginAsyncTypebox<{ loginLimits: LoginLimits }> = async (app, opts) => {
  app.post(
    '/auth/login',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        security: [],
        body: LoginBody,
        response: { 200: LoginResponse, ...problemResponses(400, 429) },
      },
    },
    async (request, reply) => {
      const user = await service.authenticate(app.db, request.body, request.ip, opts.loginLimits);
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
