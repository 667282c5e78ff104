import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireActor } from '../../plugins/auth.js';
import { IdParams, problemResponses } from '../../http/common.schemas.js';
import { DismissBody, SuggestionListSchema, SuggestionsQuery } from './suggestions.schemas.js';
import * as service from './suggestions.service.js';

const suggestionsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/events/:id/suggestions',
    {
      schema: {
        tags: ['events'],
        description:
          'Candidates that fill unmet quotas, preferring people not invited lately and new faces; each with machine-readable reasons.',
        params: IdParams,
        querystring: SuggestionsQuery,
        response: { 200: SuggestionListSchema, ...problemResponses(400, 404) },
      },
    },
    async (request) => service.suggest(app.db, requireActor(request), request.params.id, request.query),
  );

  app.post(
    '/events/:id/suggestions/dismiss',
    {
      schema: {
        tags: ['events'],
        params: IdParams,
        body: DismissBody,
        response: { 204: Type.Null(), ...problemResponses(400, 403, 404) },
      },
    },
    async (request, reply) => {
      await service.dismissSuggestions(app.db, requireActor(request), request.params.id, request.body.contactIds);
      return reply.status(204).send(null);
    },
  );
};

export default suggestionsRoutes;
