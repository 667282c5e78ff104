import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requireActor } from '../../plugins/auth.js';
import { problemResponses } from '../../http/common.schemas.js';
import { sendSpreadsheet } from '../../spreadsheets/download.js';
import { BulkActionBody, BulkResultSchema } from './bulk-actions.schemas.js';
import { runBulkAction } from './bulk-actions.service.js';

/** 10,000 ids of 36 characters in JSON are some 390 KB: above the app's default, well below this. */
const BULK_BODY_LIMIT = 1024 * 1024;

const bulkActionsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/contacts/bulk',
    {
      bodyLimit: BULK_BODY_LIMIT,
      schema: {
        tags: ['contacts'],
        description:
          'One action on a selection of contacts (ids, or every contact a list filter matches), in one transaction: all or ' +
          'nothing. A contact the caller may not change refuses the whole action: 403 BULK_REFUSED listing each (errors: ' +
          'field = contact id, code = not_visible | restricted, message = the name when the caller may see it). dryRun ' +
          'answers the preview. export answers the file (CSV or XLSX), or the preview with dryRun. docs/api-bulk-actions.md.',
        body: BulkActionBody,
        produces: ['application/json', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        response: { 200: BulkResultSchema, ...problemResponses(400, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const outcome = await runBulkAction(app.db, requireActor(request), request.body);
      if (outcome.file) return sendSpreadsheet(reply, outcome.file.format, outcome.file.baseName, [outcome.file.sheet]);
      return outcome.result;
    },
  );
};

export default bulkActionsRoutes;
