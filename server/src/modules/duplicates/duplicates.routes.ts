import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireActor } from '../../plugins/auth.js';
import { problemResponses } from '../../http/common.schemas.js';
import { CheckDuplicatesBody, CheckDuplicatesResult, DismissBody, DuplicateListSchema, ListDuplicatesQuery } from './duplicates.schemas.js';
import * as service from './duplicates.service.js';

const duplicatesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/duplicates',
    {
      schema: {
        tags: ['duplicates'],
        querystring: ListDuplicatesQuery,
        response: { 200: DuplicateListSchema, ...problemResponses(400, 403) },
      },
    },
    async (request) => service.listDuplicates(app.db, requireActor(request), request.query),
  );

  app.post(
    '/duplicates/dismiss',
    { schema: { tags: ['duplicates'], body: DismissBody, response: { 204: Type.Null(), ...problemResponses(400, 403, 404) } } },
    async (request, reply) => {
      await service.dismissPair(app.db, requireActor(request), request.body.contactIds);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/contacts/check-duplicates',
    {
      schema: { tags: ['duplicates'], body: CheckDuplicatesBody, response: { 200: CheckDuplicatesResult, ...problemResponses(400, 403) } },
    },
    async (request) => service.checkDuplicates(app.db, requireActor(request), request.body),
  );
};

export default duplicatesRoutes;
