import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireActor } from '../../plugins/auth.js';
import { IdParams, problemResponses } from '../../http/common.schemas.js';
import {
  CreateInteractionBody,
  DeleteInteractionQuery,
  InteractionListSchema,
  InteractionSchema,
  ListInteractionsQuery,
  UpdateInteractionBody,
} from './interactions.schemas.js';
import * as service from './interactions.service.js';

const interactionsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/interactions',
    {
      schema: {
        tags: ['interactions'],
        description:
          'Newest first. needsFollowUp=true: follow-up date today or earlier and not done (oldest follow-up first). overdue=true: follow-up date before today and not done (oldest first). governorate: at least one participant in it. mine=true: only those the caller logged.',
        querystring: ListInteractionsQuery,
        response: { 200: InteractionListSchema, ...problemResponses(400, 404) },
      },
    },
    async (request) => service.listInteractions(app.db, requireActor(request), request.query),
  );

  app.post(
    '/interactions',
    {
      schema: {
        tags: ['interactions'],
        body: CreateInteractionBody,
        response: { 201: InteractionSchema, ...problemResponses(400, 403, 404) },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createInteraction(app.db, requireActor(request), request.body)),
  );

  app.patch(
    '/interactions/:id',
    {
      schema: {
        tags: ['interactions'],
        params: IdParams,
        body: UpdateInteractionBody,
        response: { 200: InteractionSchema, ...problemResponses(400, 403, 404, 409) },
      },
    },
    async (request) => service.updateInteraction(app.db, requireActor(request), request.params.id, request.body),
  );

  app.delete(
    '/interactions/:id',
    {
      schema: {
        tags: ['interactions'],
        params: IdParams,
        querystring: DeleteInteractionQuery,
        response: { 204: Type.Null(), ...problemResponses(400, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await service.deleteInteraction(app.db, requireActor(request), request.params.id, request.query.version);
      return reply.status(204).send(null);
    },
  );
};

export default interactionsRoutes;
