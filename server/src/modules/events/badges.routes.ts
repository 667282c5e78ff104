import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requireActor } from '../../plugins/auth.js';
import { IdParams, problemResponses } from '../../http/common.schemas.js';
import { BadgeSheetSchema, BadgesQuery } from './badges.schemas.js';
import { badgeSheet } from './badges.service.js';

const badgesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/events/:id/badges',
    {
      schema: {
        tags: ['events'],
        description:
          'Print data for badge sheets: invited, confirmed and attended people (not declined, cancelled, no-show or ' +
          'proposed), in group order then by name; groupId narrows to one group. Staff and above; audited as an export.',
        params: IdParams,
        querystring: BadgesQuery,
        response: { 200: BadgeSheetSchema, ...problemResponses(400, 403, 404) },
      },
    },
    async (request) => badgeSheet(app.db, requireActor(request), request.params.id, request.query),
  );
};

export default badgesRoutes;
