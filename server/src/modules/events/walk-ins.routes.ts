import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requireActor } from '../../plugins/auth.js';
import { IdParams, problemResponses } from '../../http/common.schemas.js';
import { ArrivalQuery, CheckInBody, InvitationParams, InvitationSchema, WalkInBody } from './invitations.schemas.js';
import { checkIn } from './check-in.service.js';
import { addWalkIn } from './walk-ins.service.js';

const walkInsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/events/:id/walk-ins',
    {
      schema: {
        tags: ['events'],
        description:
          'Checks in someone who was not on the list: an existing contact (contactId) or a new one (contact), status attended. ' +
          "Outside the event's days (Baghdad time): 409 OUTSIDE_EVENT_DAYS unless confirmOutsideEventDays=true.",
        params: IdParams,
        querystring: ArrivalQuery,
        body: WalkInBody,
        response: { 201: InvitationSchema, ...problemResponses(400, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await addWalkIn(app.db, requireActor(request), request.params.id, request.body, request.query.confirmOutsideEventDays === true),
        ),
  );

  app.post(
    '/events/:id/invitations/:invitationId/check-in',
    {
      schema: {
        tags: ['events'],
        description:
          'Check-in at the door: the invitation becomes attended (as PATCH status attended). ' +
          "Outside the event's days (Baghdad time): 409 OUTSIDE_EVENT_DAYS unless confirmOutsideEventDays=true.",
        params: InvitationParams,
        querystring: ArrivalQuery,
        body: CheckInBody,
        response: { 200: InvitationSchema, ...problemResponses(400, 403, 404, 409) },
      },
    },
    async (request) =>
      checkIn(
        app.db,
        requireActor(request),
        request.params.id,
        request.params.invitationId,
        request.body,
        request.query.confirmOutsideEventDays === true,
      ),
  );
};

export default walkInsRoutes;
