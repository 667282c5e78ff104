import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requireActor } from '../../plugins/auth.js';
import { problemResponses } from '../../http/common.schemas.js';
import { MergeBody, MergeResultSchema } from './merge.schemas.js';
import { mergeContacts } from './merge.service.js';

const mergeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/contacts/merge',
    { schema: { tags: ['contacts'], body: MergeBody, response: { 200: MergeResultSchema, ...problemResponses(400, 403, 404, 409) } } },
    async (request) => mergeContacts(app.db, requireActor(request), request.body),
  );
};

export default mergeRoutes;
