import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { problemResponses } from '../../http/common.schemas.js';
import { requireActor } from '../../plugins/auth.js';
import { sendSpreadsheet } from '../../spreadsheets/download.js';
import { HxlExportQuery, ThreeWQuery } from './hxl-export.schemas.js';
import { export3w, exportHxl } from './hxl-export.service.js';

const hxlExportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/exports/hxl',
    {
      schema: {
        tags: ['exports'],
        description:
          "A dataset (organisations, government partnerships, the contacts directory, or a programme's activities with programme=) as CSV or XLSX with an HXL hashtag row under the header; one row per governorate (per event for activities), with OCHA p-codes. Audited. See docs/api-hxl.md.",
        querystring: HxlExportQuery,
        response: { ...problemResponses(400) },
      },
    },
    async (request, reply) => {
      const file = await exportHxl(app.db, requireActor(request), request.query);
      return sendSpreadsheet(reply, file.format, file.baseName, file.sheets);
    },
  );

  app.get(
    '/exports/3w',
    {
      schema: {
        tags: ['exports'],
        description:
          "A programme's 3W (who does what where) for a period: implementing organisation × governorate with p-code, sector, dates, people reached (female, male, not recorded, total; each person once per row), with an HXL hashtag row. Governorate scope applies. Audited. See docs/api-hxl.md.",
        querystring: ThreeWQuery,
        response: { ...problemResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const file = await export3w(app.db, requireActor(request), request.query);
      return sendSpreadsheet(reply, file.format, file.baseName, file.sheets);
    },
  );
};

export default hxlExportRoutes;
