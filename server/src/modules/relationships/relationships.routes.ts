import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireActor } from '../../plugins/auth.js';
import { IdParams, problemResponses } from '../../http/common.schemas.js';
import {
  ConnectionsSchema,
  CreateRelationshipBody,
  DeleteRelationshipQuery,
  ListRelationshipsQuery,
  RelationshipListSchema,
  RelationshipSchema,
  UpdateRelationshipBody,
} from './relationships.schemas.js';
import * as service from './relationships.service.js';

const relationshipsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/relationships',
    {
      schema: {
        tags: ['relationships'],
        querystring: ListRelationshipsQuery,
        response: { 200: RelationshipListSchema, ...problemResponses(400, 404) },
      },
    },
    async (request) => service.listRelationships(app.db, requireActor(request), request.query),
  );

  app.post(
    '/relationships',
    {
      schema: {
        tags: ['relationships'],
        body: CreateRelationshipBody,
        response: { 201: RelationshipSchema, ...problemResponses(400, 403, 404, 409) },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createRelationship(app.db, requireActor(request), request.body)),
  );

  app.patch(
    '/relationships/:id',
    {
      schema: {
        tags: ['relationships'],
        params: IdParams,
        body: UpdateRelationshipBody,
        response: { 200: RelationshipSchema, ...problemResponses(400, 403, 404, 409) },
      },
    },
    async (request) => service.updateRelationship(app.db, requireActor(request), request.params.id, request.body),
  );

  app.delete(
    '/relationships/:id',
    {
      schema: {
        tags: ['relationships'],
        params: IdParams,
        querystring: DeleteRelationshipQuery,
        response: { 204: Type.Null(), ...problemResponses(400, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await service.deleteRelationship(app.db, requireActor(request), request.params.id, request.query.version);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/contacts/:id/connections',
    {
      schema: {
        tags: ['contacts', 'relationships'],
        params: IdParams,
        response: { 200: ConnectionsSchema, ...problemResponses(400, 404) },
      },
    },
    async (request) => service.getConnections(app.db, requireActor(request), request.params.id),
  );
};

export default relationshipsRoutes;
