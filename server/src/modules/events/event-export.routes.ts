import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requireActor } from '../../plugins/auth.js';
import { IdParams, problemResponses } from '../../http/common.schemas.js';
import { sendSpreadsheet } from '../../spreadsheets/download.js';
import { EventExportQuery } from './event-export.schemas.js';
import { exportEvent } from './event-export.service.js';

const eventExportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/events/:id/export',
    {
      schema: {
        tags: ['events'],
        description: 'The list (not cancelled or declined) as CSV (UTF-8 with BOM) or XLSX; recorded in the audit log.',
        params: IdParams,
        querystring: EventExportQuery,
        response: { ...problemResponses(400, 403, 404) },
      },
    },
    async (request, reply) => {
      const file = await exportEvent(app.db, requireActor(request), request.params.id, request.query);
      return sendSpreadsheet(reply, file.format, file.baseName, file.sheets);
    },
  );
};

export default eventExportRoutes;
