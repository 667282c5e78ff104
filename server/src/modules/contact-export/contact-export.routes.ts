import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requireActor } from '../../plugins/auth.js';
import { problemResponses } from '../../http/common.schemas.js';
import { sendSpreadsheet } from '../../spreadsheets/download.js';
import { ExportQuery } from './contact-export.schemas.js';
import { exportContacts } from './contact-export.service.js';

const contactExportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/contacts/export',
    {
      schema: {
        tags: ['contacts'],
        querystring: ExportQuery,
        produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        response: { ...problemResponses(400) },
      },
    },
    async (request, reply) => {
      const { sheet, baseName } = await exportContacts(app.db, requireActor(request), request.query);
      return sendSpreadsheet(reply, request.query.format, baseName, [sheet]);
    },
  );
};

export default contactExportRoutes;
