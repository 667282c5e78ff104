import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireActor, setSessionCookie } from '../../plugins/auth.js';
import { IdParams, problemResponses } from '../../http/common.schemas.js';
import { accountKeys } from './account-keys.js';
import {
  ConfirmTwoStepBody,
  DisableTwoStepBody,
  RecoveryCodesSchema,
  RenewedRecoveryCodesSchema,
  SignedInSchema,
  TwoStepLoginBody,
  TwoStepPolicySchema,
  TwoStepSetupSchema,
  TwoStepStatusSchema,
  TwoStepUsersSchema,
  UpdateTwoStepPolicyBody,
} from './two-step.schemas.js';
import * as service from './two-step.service.js';
import { completeSecondStep, setupRequiredFor } from './two-step-login.service.js';
import { getPolicy, updatePolicy } from './two-step-policy.service.js';

/** Two-step sign-in (TOTP, RFC 6238): setup, the code step of sign-in, turning it off, and the admin's policy. */
const twoStepRoutes: FastifyPluginAsyncTypebox<{ serverSecret: string }> = async (app, opts) => {
  const keys = accountKeys(opts.serverSecret);
  // Reachable while the policy requires setup, and never with an API token.
  const setupConfig = { twoStepSetup: true, sessionOnly: true };

  app.get(
    '/auth/totp',
    {
      config: setupConfig,
      schema: {
        tags: ['auth'],
        description: 'Whether two-step sign-in is on for your account.',
        response: { 200: TwoStepStatusSchema, ...problemResponses(403) },
      },
    },
    async (request) => service.status(app.db, requireActor(request)),
  );

  app.post(
    '/auth/totp/setup',
    {
      config: setupConfig,
      schema: {
        tags: ['auth'],
        description:
          'A new secret for an authenticator app (QR code and key); pending until confirmed. 409 TWO_STEP_ALREADY_ENABLED when on.',
        response: { 200: TwoStepSetupSchema, ...problemResponses(403, 409) },
      },
    },
    async (request) => service.setUp(app.db, keys, requireActor(request)),
  );

  app.post(
    '/auth/totp/confirm',
    {
      config: setupConfig,
      schema: {
        tags: ['auth'],
        description:
          'Turns two-step on with a code from the app. Answers 10 recovery codes, shown this once, and a new session token: ' +
          'other sessions of the account end. Wrong code: 400 TWO_STEP_CODE_WRONG; too many tries: 429.',
        body: ConfirmTwoStepBody,
        response: { 200: RecoveryCodesSchema, ...problemResponses(400, 403, 409, 429) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { recoveryCodes, sessionVersion } = await service.confirm(app.db, keys, actor, request.body);
      const token = await reply.jwtSign({ sub: actor.id, role: actor.role, sv: sessionVersion }, {});
      setSessionCookie(reply, token);
      return { recoveryCodes, token };
    },
  );

  app.post(
    '/auth/totp/recovery-codes',
    {
      config: { sessionOnly: true },
      schema: {
        tags: ['auth'],
        description:
          'New recovery codes, proven with a current code from the app: the earlier codes stop working. ' +
          '409 TWO_STEP_NOT_SET_UP when two-step is off, 400 TWO_STEP_CODE_WRONG, 429 after 5 tries in 5 minutes.',
        body: ConfirmTwoStepBody,
        response: { 200: RenewedRecoveryCodesSchema, ...problemResponses(400, 409, 429) },
      },
    },
    async (request) => ({ recoveryCodes: await service.renewRecoveryCodes(app.db, keys, requireActor(request), request.body) }),
  );

  app.post(
    '/auth/totp/disable',
    {
      config: { sessionOnly: true },
      schema: {
        tags: ['auth'],
        description: 'Turns two-step off with your password. 403 TWO_STEP_REQUIRED when an administrator requires it for your role.',
        body: DisableTwoStepBody,
        response: { 204: Type.Null(), ...problemResponses(400, 403, 409, 429) },
      },
    },
    async (request, reply) => {
      await service.disable(app.db, requireActor(request), request.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/auth/login/two-step',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        security: [],
        description:
          'The second sign-in step: the challenge from POST /api/auth/login with a code from the app or a recovery code. ' +
          '401 TWO_STEP_CHALLENGE_INVALID (expired or voided), 400 TWO_STEP_CODE_WRONG / RECOVERY_CODE_WRONG, 429 after 5 tries in 5 minutes.',
        body: TwoStepLoginBody,
        response: { 200: SignedInSchema, ...problemResponses(400, 429) },
      },
    },
    async (request, reply) => {
      const { user, sessionVersion } = await completeSecondStep(app.db, keys, request.body, request.ip);
      const token = await reply.jwtSign({ sub: user.id, role: user.role, sv: sessionVersion }, {});
      setSessionCookie(reply, token);
      return { token, user, twoStepSetupRequired: await setupRequiredFor(app.db, user.id) };
    },
  );

  app.get(
    '/users/two-step',
    {
      schema: {
        tags: ['users'],
        description: 'Admin only: the accounts that have two-step sign-in on.',
        response: { 200: TwoStepUsersSchema, ...problemResponses(403) },
      },
    },
    async (request) => service.usersWithTwoStep(app.db, requireActor(request)),
  );

  app.delete(
    '/users/:id/two-step',
    {
      config: { sessionOnly: true },
      schema: {
        tags: ['users'],
        description: 'Admin only: turns off two-step for an account that lost its app and recovery codes; its sessions end.',
        params: IdParams,
        response: { 204: Type.Null(), ...problemResponses(403, 409) },
      },
    },
    async (request, reply) => {
      await service.resetFor(app.db, requireActor(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/settings/two-step',
    {
      schema: {
        tags: ['settings'],
        description: 'Whether admins and coordinators must use two-step sign-in.',
        response: { 200: TwoStepPolicySchema, ...problemResponses() },
      },
    },
    async () => getPolicy(app.db),
  );

  app.put(
    '/settings/two-step',
    {
      config: { sessionOnly: true },
      schema: {
        tags: ['settings'],
        description:
          'Admin only. When on, admins and coordinators without two-step can sign in but reach only its setup until it is on. ' +
          '409 TWO_STEP_SET_UP_FIRST when your own account has none; 409 CONFLICT on a stale version.',
        body: UpdateTwoStepPolicyBody,
        response: { 200: TwoStepPolicySchema, ...problemResponses(403, 409) },
      },
    },
    async (request) => updatePolicy(app.db, requireActor(request), request.body),
  );
};

export default twoStepRoutes;
