import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requireActor } from '../../plugins/auth.js';
import { problemResponses } from '../../http/common.schemas.js';
import { CreateRelationshipTypeBody, RelationshipTypeListSchema, RelationshipTypeSchema } from './relationship-types.schemas.js';
import * as service from './relationship-types.service.js';

const relationshipTypesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/relationship-types',
    { schema: { tags: ['relationships'], response: { 200: RelationshipTypeListSchema, ...problemResponses() } } },
    async (request) => {
      requireActor(request);
      return service.listRelationshipTypes(app.db);
    },
  );

  app.post(
    '/relationship-types',
    {
      schema: {
        tags: ['relationships'],
        body: CreateRelationshipTypeBody,
        response: { 201: RelationshipTypeSchema, ...problemResponses(400, 403, 409) },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createRelationshipType(app.db, requireActor(request), request.body)),
  );
};

export default relationshipTypesRoutes;
