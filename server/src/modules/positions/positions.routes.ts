import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireActor } from '../../plugins/auth.js';
import { IdParams, problemResponses } from '../../http/common.schemas.js';
import {
  CreatePositionBody,
  DeleteQuery,
  ListPositionsQuery,
  PositionListSchema,
  PositionSchema,
  ReplacePositionBody,
  ReplacePositionResult,
  UpdatePositionBody,
} from './positions.schemas.js';
import * as service from './positions.service.js';

const positionsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/positions',
    {
      schema: {
        tags: ['positions'],
        querystring: ListPositionsQuery,
        response: { 200: PositionListSchema, ...problemResponses(400, 404) },
      },
    },
    async (request) => service.listPositions(app.db, requireActor(request), request.query),
  );

  app.post(
    '/positions',
    { schema: { tags: ['positions'], body: CreatePositionBody, response: { 201: PositionSchema, ...problemResponses(400, 403, 404) } } },
    async (request, reply) => reply.status(201).send(await service.createPosition(app.db, requireActor(request), request.body)),
  );

  app.patch(
    '/positions/:id',
    {
      schema: {
        tags: ['positions'],
        params: IdParams,
        body: UpdatePositionBody,
        response: { 200: PositionSchema, ...problemResponses(400, 403, 404, 409) },
      },
    },
    async (request) => service.updatePosition(app.db, requireActor(request), request.params.id, request.body),
  );

  app.delete(
    '/positions/:id',
    {
      schema: {
        tags: ['positions'],
        params: IdParams,
        querystring: DeleteQuery,
        response: { 204: Type.Null(), ...problemResponses(400, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await service.deletePosition(app.db, requireActor(request), request.params.id, request.query.version);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/positions/:id/replace',
    {
      schema: {
        tags: ['positions'],
        description: 'Ends this current position on startDate and gives it to another person from that date, in one step.',
        params: IdParams,
        body: ReplacePositionBody,
        response: { 201: ReplacePositionResult, ...problemResponses(400, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.replacePosition(app.db, requireActor(request), request.params.id, request.body)),
  );
};

export default positionsRoutes;
