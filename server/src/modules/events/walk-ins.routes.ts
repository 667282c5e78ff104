import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requireActor } from '../../plugins/auth.js';
import { IdParams, problemResponses } from '../../http/common.schemas.js';
import { InvitationSchema, WalkInBody } from './invitations.schemas.js';
import { addWalkIn } from './walk-ins.service.js';

const walkInsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/events/:id/walk-ins',
    {
      schema: {
        tags: ['events'],
        description: 'Checks in someone who was not on the list: an existing contact (contactId) or a new one (contact), status attended.',
        params: IdParams,
        body: WalkInBody,
        response: { 201: InvitationSchema, ...problemResponses(400, 403, 404, 409) },
      },
    },
    async (request, reply) => reply.status(201).send(await addWalkIn(app.db, requireActor(request), request.params.id, request.body)),
  );
};

export default walkInsRoutes;
