import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { problemResponses } from '../../http/common.schemas.js';
import { listGovernorates } from './governorates.repository.js';

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
    async () => {
      const rows = await listGovernorates(app.db);
      return {
        items: rows.map((r) => ({
          code: r.code,
          pcode: r.pcode,
          nameAr: r.name_ar,
          nameEn: r.name_en,
          nameKu: r.name_ku,
          kurdistanRegion: r.kurdistan_region,
        })),
      };
    },
  );
};

export default governoratesRoutes;
