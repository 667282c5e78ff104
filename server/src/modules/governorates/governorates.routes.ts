import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { problemResponses } from '../../http/common.schemas.js';
import { listGovernorates } from './governorates.service.js';

const GovernorateSchema = Type.Object({
  code: Type.String(),
  pcode: Type.Union([Type.String(), Type.Null()]),
  nameAr: Type.String(),
  nameEn: Type.String(),
  nameKu: Type.String(),
  kurdistanRegion: Type.Boolean(),
});

const governoratesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/governorates',
    {
      schema: {
        tags: ['reference'],
        response: { 200: Type.Object({ items: Type.Array(GovernorateSchema) }), ...problemResponses() },
      },
    },
    async () => ({ items: await listGovernorates(app.db) }),
  );
};

export default governoratesRoutes;
