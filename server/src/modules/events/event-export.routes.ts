import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireActor } from '../../plugins/auth.js';
import { IdParams, Uuid, problemResponses } from '../../http/common.schemas.js';
import { sendSpreadsheet } from '../../spreadsheets/download.js';
import { exportEvent } from './event-export.service.js';

const ExportQuery = Type.Object(
  {
    format: Type.Unsafe<'csv' | 'xlsx'>({ type: 'string', enum: ['csv', 'xlsx'], default: 'csv' }),
    group: Type.Optional(Uuid),
    lang: Type.Unsafe<'ar' | 'en'>({ type: 'string', enum: ['ar', 'en'], default: 'ar' }),
  },
  { additionalProperties: false },
);

const eventExportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/events/:id/export',
    {
      schema: {
        tags: ['events'],
        description: 'The list (not cancelled or declined) as CSV (UTF-8 with BOM) or XLSX; recorded in the audit log.',
        params: IdParams,
        querystring: ExportQuery,
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
