import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requireActor } from '../../plugins/auth.js';
import { problemResponses } from '../../http/common.schemas.js';
import { fullExport } from './full-export.service.js';

const fullExportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/export/full.zip',
    {
      schema: {
        tags: ['export'],
        description:
          'Administrators: everything the organisation holds as one ZIP — a UTF-8 (BOM) CSV per table with ids that join, ' +
          'everything.xlsx with a sheet per table, consent scans and README.txt. Audited with the row counts.',
        produces: ['application/zip'],
        response: { ...problemResponses(403) },
      },
    },
    async (request, reply) => {
      const { zip, baseName } = await fullExport(app.db, requireActor(request));
      return reply
        .header('content-type', 'application/zip')
        .header('content-disposition', `attachment; filename="${baseName}.zip"`)
        .header('cache-control', 'no-store')
        .send(zip);
    },
  );
};

export default fullExportRoutes;
