import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireActor } from '../../plugins/auth.js';
import { IdParams, problemResponses } from '../../http/common.schemas.js';
import {
  CreateCustomFieldBody,
  CustomFieldListSchema,
  CustomFieldSchema,
  ListCustomFieldsQuery,
  PurgeResultSchema,
  UpdateCustomFieldBody,
  VersionQuery,
} from './custom-fields.schemas.js';
import * as service from './custom-fields.service.js';

const customFieldsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/custom-fields',
    {
      schema: {
        tags: ['custom-fields'],
        querystring: ListCustomFieldsQuery,
        response: { 200: CustomFieldListSchema, ...problemResponses(400, 403) },
      },
    },
    async (request) => service.listCustomFields(app.db, requireActor(request), request.query.archived ?? false),
  );

  app.post(
    '/custom-fields',
    {
      schema: {
        tags: ['custom-fields'],
        body: CreateCustomFieldBody,
        response: { 201: CustomFieldSchema, ...problemResponses(400, 403, 409) },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createCustomField(app.db, requireActor(request), request.body)),
  );

  app.patch(
    '/custom-fields/:id',
    {
      schema: {
        tags: ['custom-fields'],
        params: IdParams,
        body: UpdateCustomFieldBody,
        response: { 200: CustomFieldSchema, ...problemResponses(400, 403, 404, 409) },
      },
    },
    async (request) => service.updateCustomField(app.db, requireActor(request), request.params.id, request.body),
  );

  app.delete(
    '/custom-fields/:id',
    {
      schema: {
        tags: ['custom-fields'],
        params: IdParams,
        querystring: VersionQuery,
        response: { 204: Type.Null(), ...problemResponses(400, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await service.archiveCustomField(app.db, requireActor(request), request.params.id, request.query.version);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/custom-fields/:id/purge',
    {
      schema: {
        tags: ['custom-fields'],
        params: IdParams,
        querystring: VersionQuery,
        response: { 200: PurgeResultSchema, ...problemResponses(400, 403, 404, 409) },
      },
    },
    async (request) => service.purgeCustomField(app.db, requireActor(request), request.params.id, request.query.version),
  );
};

export default customFieldsRoutes;
