import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requireActor } from '../../plugins/auth.js';
import { IdParams, problemResponses } from '../../http/common.schemas.js';
import { ContactEventsSchema } from './invitations.schemas.js';
import { contactEvents } from './contact-events.service.js';

const contactEventsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/contacts/:id/events',
    {
      schema: {
        tags: ['events'],
        description: 'Events the contact was invited to, as the contact or as a representative, newest first.',
        params: IdParams,
        response: { 200: ContactEventsSchema, ...problemResponses(404) },
      },
    },
    async (request) => contactEvents(app.db, requireActor(request), request.params.id),
  );
};

export default contactEventsRoutes;
