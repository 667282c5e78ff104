import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requireActor } from '../../plugins/auth.js';
import { problemResponses } from '../../http/common.schemas.js';
import { NetworkQuery, NetworkSchema } from './network.schemas.js';
import * as service from './network.service.js';

const networkRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/network',
    {
      schema: {
        tags: ['relationships'],
        description: 'The graph around one contact (?contact=&depth=1|2) or of one governorate (?governorate=); exactly one.',
        querystring: NetworkQuery,
        response: { 200: NetworkSchema, ...problemResponses(400, 404) },
      },
    },
    async (request) => service.getNetwork(app.db, requireActor(request), request.query),
  );
};

export default networkRoutes;
