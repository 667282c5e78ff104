import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireActor } from '../../plugins/auth.js';
import { IdParams, problemResponses } from '../../http/common.schemas.js';
import { CreateSegmentBody, DeleteSegmentQuery, SegmentListSchema, SegmentSchema, UpdateSegmentBody } from './segments.schemas.js';
import * as service from './segments.service.js';

/** Saved segments; their contacts are `GET /api/contacts?segment=<id>` (docs/api-directory.md). */
const segmentsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/segments', { schema: { tags: ['segments'], response: { 200: SegmentListSchema, ...problemResponses() } } }, async (request) =>
    service.listSegments(app.db, requireActor(request)),
  );

  app.post(
    '/segments',
    { schema: { tags: ['segments'], body: CreateSegmentBody, response: { 201: SegmentSchema, ...problemResponses(400, 403, 404) } } },
    async (request, reply) => reply.status(201).send(await service.createSegment(app.db, requireActor(request), request.body)),
  );

  app.get(
    '/segments/:id',
    { schema: { tags: ['segments'], params: IdParams, response: { 200: SegmentSchema, ...problemResponses(400, 404) } } },
    async (request) => service.getSegment(app.db, requireActor(request), request.params.id),
  );

  app.patch(
    '/segments/:id',
    {
      schema: {
        tags: ['segments'],
        params: IdParams,
        body: UpdateSegmentBody,
        response: { 200: SegmentSchema, ...problemResponses(400, 403, 404, 409) },
      },
    },
    async (request) => service.updateSegment(app.db, requireActor(request), request.params.id, request.body),
  );

  app.delete(
    '/segments/:id',
    {
      schema: {
        tags: ['segments'],
        params: IdParams,
        querystring: DeleteSegmentQuery,
        response: { 204: Type.Null(), ...problemResponses(400, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await service.deleteSegment(app.db, requireActor(request), request.params.id, request.query.version);
      return reply.status(204).send(null);
    },
  );
};

export default segmentsRoutes;
