import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireActor } from '../../plugins/auth.js';
import { IdParams, problemResponses } from '../../http/common.schemas.js';
import { ApiTokenListSchema, CreateApiTokenBody, CreatedApiTokenSchema } from './api-tokens.schemas.js';
import * as service from './api-tokens.service.js';

/** Personal API tokens, managed from a signed-in session only (a token cannot make or list tokens). */
const apiTokensRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const config = { sessionOnly: true };

  app.post(
    '/auth/tokens',
    {
      config,
      schema: {
        tags: ['auth'],
        description:
          'Creates a personal API token for scripts (Authorization: Bearer cdt_…). The token is in this answer only. ' +
          'read: GET/HEAD only; write: what your role allows. 409 TOO_MANY_TOKENS past 20 usable tokens.',
        body: CreateApiTokenBody,
        response: { 201: CreatedApiTokenSchema, ...problemResponses(400, 403, 409) },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createToken(app.db, requireActor(request), request.body)),
  );

  app.get(
    '/auth/tokens',
    {
      config,
      schema: {
        tags: ['auth'],
        description: 'Your tokens that were not revoked, newest first, with their last use.',
        response: { 200: ApiTokenListSchema, ...problemResponses(403) },
      },
    },
    async (request) => service.listTokens(app.db, requireActor(request)),
  );

  app.delete(
    '/auth/tokens/:id',
    {
      config,
      schema: {
        tags: ['auth'],
        description: 'Revokes one of your tokens at once; scripts using it get 401 TOKEN_REVOKED.',
        params: IdParams,
        response: { 204: Type.Null(), ...problemResponses(403, 404) },
      },
    },
    async (request, reply) => {
      await service.revokeToken(app.db, requireActor(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
};

export default apiTokensRoutes;
