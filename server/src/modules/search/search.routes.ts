import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requireActor } from '../../plugins/auth.js';
import { problemResponses } from '../../http/common.schemas.js';
import { SearchQuery, SearchResponse } from './search.schemas.js';
import * as service from './search.service.js';

const searchRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/search',
    {
      schema: {
        tags: ['search'],
        description:
          'Arabic-tolerant name search over the whole directory (spelling variants, typos, word order, Latin script, wrong keyboard layout) and phone search.',
        querystring: SearchQuery,
        response: { 200: SearchResponse, ...problemResponses(400) },
      },
    },
    async (request) => {
      const { q, kind, governorate, limit } = request.query;
      return service.search(app.db, requireActor(request), q, { kind, governorate }, limit);
    },
  );
};

export default searchRoutes;
