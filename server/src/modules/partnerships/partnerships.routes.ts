import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requireActor } from '../../plugins/auth.js';
import { problemResponses } from '../../http/common.schemas.js';
import { sendSpreadsheet } from '../../spreadsheets/download.js';
import { ExportPartnershipsQuery, ListPartnershipsQuery, PartnershipListSchema } from './partnerships.schemas.js';
import * as service from './partnerships.service.js';
import { exportPartnerships } from './partnerships-export.service.js';

const partnershipsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/partnerships',
    {
      schema: {
        tags: ['partnerships'],
        description:
          'One row per government body: current focal points, last contact, counts in the period and status (vacant > active > cooling > dormant). See docs/api-management.md.',
        querystring: ListPartnershipsQuery,
        response: { 200: PartnershipListSchema, ...problemResponses(400) },
      },
    },
    async (request) => service.listPartnerships(app.db, requireActor(request), request.query),
  );

  app.get(
    '/partnerships/export',
    {
      schema: {
        tags: ['partnerships'],
        description: 'The partnerships table as CSV (UTF-8 with BOM) or XLSX, all rows; recorded in the audit log.',
        querystring: ExportPartnershipsQuery,
        response: { ...problemResponses(400) },
      },
    },
    async (request, reply) => {
      const file = await exportPartnerships(app.db, requireActor(request), request.query);
      return sendSpreadsheet(reply, file.format, file.baseName, file.sheets);
    },
  );
};

export default partnershipsRoutes;
