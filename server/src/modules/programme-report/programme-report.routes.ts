import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParams, problemResponses } from '../../http/common.schemas.js';
import { requireActor } from '../../plugins/auth.js';
import { sendSpreadsheet } from '../../spreadsheets/download.js';
import { PeopleListSchema, PeopleQuery, ReportQuery, ReportSchema } from './programme-report.schemas.js';
import { exportReport } from './programme-report-export.service.js';
import { programmeReport, reportPeople } from './programme-report.service.js';

const programmeReportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/programmes/:id/report',
    {
      schema: {
        tags: ['programmes'],
        description:
          'The donor report for a period (default: programme start to today, Baghdad days): attendance by governorate × kind × gender (distinct people), people reached, events held, government bodies engaged, new activists; each figure with the app path of the list behind it. format=xlsx: one sheet per table (audited). Governorate scope applies. See docs/api-programmes-report.md.',
        params: IdParams,
        querystring: ReportQuery,
        response: { 200: ReportSchema, ...problemResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      if (request.query.format === 'xlsx') {
        const file = await exportReport(app.db, actor, request.params.id, request.query);
        return sendSpreadsheet(reply, 'xlsx', file.baseName, file.sheets);
      }
      return (await programmeReport(app.db, actor, request.params.id, request.query)).report;
    },
  );

  app.get(
    '/programmes/:id/report/people',
    {
      schema: {
        tags: ['programmes'],
        description:
          'The people behind one figure of the donor report (governorate `none` = counts for no governorate, gender `unknown` = not recorded, newActivists=true), by name.',
        params: IdParams,
        querystring: PeopleQuery,
        response: { 200: PeopleListSchema, ...problemResponses(400, 404) },
      },
    },
    async (request) => reportPeople(app.db, requireActor(request), request.params.id, request.query),
  );
};

export default programmeReportRoutes;
