import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { problemResponses } from '../../http/common.schemas.js';
import { requireActor } from '../../plugins/auth.js';
import { sendSpreadsheet } from '../../spreadsheets/download.js';
import { HxlExportQuery } from './hxl-export.schemas.js';
import { exportHxl } from './hxl-export.service.js';

const hxlExportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/exports/hxl',
    {
      schema: {
        tags: ['exports'],
        description:
          'A dataset (organisations, government partnerships) as CSV or XLSX with an HXL hashtag row under the header; one row per governorate, with OCHA p-codes. Audited. See docs/api-hxl.md.',
        querystring: HxlExportQuery,
        response: { ...problemResponses(400) },
      },
    },
    async (request, reply) => {
      const file = await exportHxl(app.db, requireActor(request), request.query);
      return sendSpreadsheet(reply, file.format, file.baseName, file.sheets);
    },
  );
};

export default hxlExportRoutes;
