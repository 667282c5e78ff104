import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requireActor } from '../../plugins/auth.js';
import { IdParams, problemResponses } from '../../http/common.schemas.js';
import { exportPerson } from './person-export.service.js';

const personExportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/contacts/:id/export',
    {
      schema: {
        tags: ['export'],
        description:
          "Everything held about one contact as one XLSX workbook, for the person's request to see their data. Roles that may " +
          "see the contact's details only (coordinators and admins for restricted contacts). Audited.",
        params: IdParams,
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        response: { ...problemResponses(400, 403, 404) },
      },
    },
    async (request, reply) => {
      const { file, baseName } = await exportPerson(app.db, requireActor(request), request.params.id);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${baseName}.xlsx"`)
        .header('cache-control', 'no-store')
        .send(file);
    },
  );
};

export default personExportRoutes;
