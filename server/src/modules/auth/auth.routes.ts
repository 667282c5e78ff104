import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { clearSessionCookie, requireActor, setSessionCookie } from '../../plugins/auth.js';
import { problemResponses } from '../../http/common.schemas.js';
import { ChangePasswordBody, LoginBody, MeResponse, SessionTokenResponse } from './auth.schemas.js';
import { LoginAnswerSchema } from '../two-step/two-step.schemas.js';
import { secondStepFor, setupRequiredFor } from '../two-step/two-step-login.service.js';
import { accountKeys } from '../two-step/account-keys.js';
import { changeOwnPassword, signOutEverywhere } from './account.service.js';
import * as service from './auth.service.js';
import type { LoginLimits } from './login-limits.js';

const authRoutes: FastifyPluginAsyncTypebox<{ loginLimits: LoginLimits; serverSecret: string }> = async (app, opts) => {
  const keys = accountKeys(opts.serverSecret);
  app.post(
    '/auth/login',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        security: [],
        description:
          'With two-step sign-in on, the password step answers { twoStep: true, challenge } and no session: finish with ' +
          'POST /api/auth/login/two-step. twoStepSetupRequired: the session reaches only two-step setup until it is on.',
        body: LoginBody,
        response: { 200: LoginAnswerSchema, ...problemResponses(400, 429) },
      },
    },
    async (request, reply) => {
      const { user, sessionVersion } = await service.authenticate(app.db, request.body, request.ip, opts.loginLimits);
      const secondStep = await secondStepFor(app.db, keys, user.id, sessionVersion);
      if (secondStep) return secondStep;
      await app.db.transaction().execute((trx) => service.recordSignIn(trx, user.id, request.ip));
      const token = await reply.jwtSign({ sub: user.id, role: user.role, sv: sessionVersion }, {});
      setSessionCookie(reply, token);
      return { token, user, twoStepSetupRequired: await setupRequiredFor(app.db, user.id) };
    },
  );

  app.post(
    '/auth/password',
    {
      config: { twoStepSetup: true, sessionOnly: true },
      schema: {
        tags: ['auth'],
        description:
          'Changes your own password. Every session of the account ends (other devices must sign in again); this one gets a ' +
          'new token. Wrong current password: 400 CURRENT_PASSWORD_WRONG; a weak new one: 400 VALIDATION_FAILED with the reasons.',
        body: ChangePasswordBody,
        response: { 200: SessionTokenResponse, ...problemResponses(400, 429) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { sessionVersion } = await changeOwnPassword(app.db, actor, request.body);
      const token = await reply.jwtSign({ sub: actor.id, role: actor.role, sv: sessionVersion }, {});
      setSessionCookie(reply, token);
      return { token };
    },
  );

  app.post(
    '/auth/sign-out-everywhere',
    {
      config: { twoStepSetup: true, sessionOnly: true },
      schema: {
        tags: ['auth'],
        description: 'Ends every session of your account, on every device, this one included.',
        response: { 204: Type.Null(), ...problemResponses() },
      },
    },
    async (request, reply) => {
      await signOutEverywhere(app.db, requireActor(request));
      clearSessionCookie(reply);
      return reply.status(204).send(null);
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
    { config: { twoStepSetup: true }, schema: { tags: ['auth'], response: { 200: MeResponse, ...problemResponses() } } },
    async (request) => ({ user: await service.currentUser(app.db, requireActor(request)) }),
  );
};

export default authRoutes;
