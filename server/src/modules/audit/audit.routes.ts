import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requireActor } from '../../plugins/auth.js';
import { IdParams, problemResponses } from '../../http/common.schemas.js';
import type { AuditAlertThresholds } from './audit-alerts.js';
import { AccessLogQuery, AccessLogSchema, AuditPageSchema, AuditQuery, NeedsALookQuery, NeedsALookSchema } from './audit.schemas.js';
import * as service from './audit-viewer.service.js';

/** Read-only by design: there is no route that changes or deletes audit rows. */
const auditRoutes: FastifyPluginAsyncTypebox<{ alerts: AuditAlertThresholds }> = async (app, opts) => {
  app.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        description:
          'The audit log, newest first, 50 a page by default (keyset: pass nextCursor as cursor). Admins read all of it; ' +
          'coordinators the rows about their governorates (docs/api-audit.md); others 403.',
        querystring: AuditQuery,
        response: { 200: AuditPageSchema, ...problemResponses(400, 403) },
      },
    },
    async (request) => service.listAudit(app.db, requireActor(request), request.query),
  );

  app.get(
    '/audit/needs-a-look',
    {
      schema: {
        tags: ['audit'],
        description:
          'Unusual activity on one UTC day (default today): accounts viewing or exporting more than N restricted contacts, ' +
          'repeated failed sign-ins, accounts signed in from many addresses. Thresholds from AUDIT_ALERT_* settings.',
        querystring: NeedsALookQuery,
        response: { 200: NeedsALookSchema, ...problemResponses(400, 403) },
      },
    },
    async (request) => service.needsALook(app.db, requireActor(request), request.query.day, opts.alerts),
  );

  app.get(
    '/contacts/:id/access-log',
    {
      schema: {
        tags: ['audit', 'contacts'],
        description:
          'Who viewed or exported this restricted contact (admins and coordinators who can see it). For a contact that is ' +
          'not restricted: restricted false and no items.',
        params: IdParams,
        querystring: AccessLogQuery,
        response: { 200: AccessLogSchema, ...problemResponses(403, 404) },
      },
    },
    async (request) => service.contactAccessLog(app.db, requireActor(request), request.params.id, request.query.limit),
  );
};

export default auditRoutes;
