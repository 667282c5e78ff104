import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requireActor } from '../../plugins/auth.js';
import { problemResponses } from '../../http/common.schemas.js';
import { ActivityListSchema, ActivityQuery } from './activity.schemas.js';
import { activityFeed } from './activity.service.js';

const activityRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/activity',
    {
      schema: {
        tags: ['activity'],
        description:
          "What changed in the caller's governorates over the last `days` days (default 7), newest first: new contacts, " +
          'interactions logged, focal points replaced (a new focal-point position at an office whose earlier focal point ' +
          'has an end date), events that started.',
        querystring: ActivityQuery,
        response: { 200: ActivityListSchema, ...problemResponses(400) },
      },
    },
    async (request) => activityFeed(app.db, requireActor(request), request.query),
  );
};

export default activityRoutes;
