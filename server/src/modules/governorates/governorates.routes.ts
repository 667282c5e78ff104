import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { problemResponses } from '../../http/common.schemas.js';
import { GovernorateListSchema } from './governorates.schemas.js';
import { listGovernorates } from './governorates.service.js';

const governoratesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/governorates',
    {
      schema: {
        tags: ['reference'],
        response: { 200: GovernorateListSchema, ...problemResponses() },
      },
    },
    async () => ({ items: await listGovernorates(app.db) }),
  );
};

export default governoratesRoutes;
