import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requireActor } from '../../plugins/auth.js';
import { IdParams, problemResponses } from '../../http/common.schemas.js';
import { HistoryPageSchema, HistoryQuery } from './history.schemas.js';
import * as service from './history.service.js';

/** A record's change history with old and new values (issue 12, item 1; docs/api-history.md). */
const historyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/contacts/:id/history',
    {
      schema: {
        tags: ['history'],
        description: "The contact's changes and those of its positions, relationships and interactions, newest first.",
        params: IdParams,
        querystring: HistoryQuery,
        response: { 200: HistoryPageSchema, ...problemResponses(400, 404) },
      },
    },
    async (request) => service.contactHistory(app.db, requireActor(request), request.params.id, request.query),
  );

  app.get(
    '/events/:id/history',
    {
      schema: {
        tags: ['history'],
        description: "The event's changes and those of its groups and invitations (in the caller's governorates), newest first.",
        params: IdParams,
        querystring: HistoryQuery,
        response: { 200: HistoryPageSchema, ...problemResponses(400, 404) },
      },
    },
    async (request) => service.eventHistory(app.db, requireActor(request), request.params.id, request.query),
  );
};

export default historyRoutes;
