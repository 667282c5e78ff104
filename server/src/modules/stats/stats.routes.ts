import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requireActor } from '../../plugins/auth.js';
import { problemResponses } from '../../http/common.schemas.js';
import { DashboardQuery, DashboardSchema, GovernorateStatsSchema, PeriodQuery } from './stats.schemas.js';
import * as service from './stats.service.js';

const statsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/stats/governorates',
    {
      schema: {
        tags: ['stats'],
        description:
          'Per governorate (all 19 in scope, zeros included): partnerships, contacts by kind, events held, days since last government contact. Feeds the map.',
        querystring: PeriodQuery,
        response: { 200: GovernorateStatsSchema, ...problemResponses(400) },
      },
    },
    async (request) => service.governorateStats(app.db, requireActor(request), request.query),
  );

  app.get(
    '/stats/dashboard',
    {
      schema: {
        tags: ['stats'],
        description: 'Contacts by kind and governorate, new contacts, events and attendance per month, overdue follow-ups.',
        querystring: DashboardQuery,
        response: { 200: DashboardSchema, ...problemResponses(400) },
      },
    },
    async (request) => service.dashboard(app.db, requireActor(request), request.query),
  );
};

export default statsRoutes;
