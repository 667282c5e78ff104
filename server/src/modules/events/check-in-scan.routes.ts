import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requireActor } from '../../plugins/auth.js';
import { IdParams, problemResponses } from '../../http/common.schemas.js';
import { ScanBody, ScanResultSchema } from './check-in-scan.schemas.js';
import { scanCheckInCode } from './check-in-scan.service.js';

const checkInScanRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/events/:id/check-in/scan',
    {
      schema: {
        tags: ['events'],
        description:
          "Check-in by a badge's QR code or its typed code: marks the invitation attended (as the check-in button) and " +
          'says who it is. Already attended: 200 with result already_checked_in, nothing changes. Unknown code (or a ' +
          "contact outside the caller's governorates): 404 CHECK_IN_CODE_UNKNOWN; another event's code: 409 " +
          'CHECK_IN_CODE_OTHER_EVENT; cancelled or declined invitation: 409 INVITATION_CANCELLED; outside the ' +
          "event's days: 409 OUTSIDE_EVENT_DAYS unless confirmOutsideEventDays.",
        params: IdParams,
        body: ScanBody,
        response: { 200: ScanResultSchema, ...problemResponses(400, 403, 404, 409) },
      },
    },
    async (request) => scanCheckInCode(app.db, requireActor(request), request.params.id, request.body),
  );
};

export default checkInScanRoutes;
