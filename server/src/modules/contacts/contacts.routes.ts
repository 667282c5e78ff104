import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireActor } from '../../plugins/auth.js';
import { IdParams, problemResponses } from '../../http/common.schemas.js';
import { ContactSchema, CreateContactBody, DeleteContactQuery, UpdateContactBody } from './contacts.schemas.js';
import { ContactListSchema, ListContactsQuery } from './contact-list.schemas.js';
import * as service from './contacts.service.js';
import { listContactTable } from './contact-list.service.js';

const contactsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/contacts',
    { schema: { tags: ['contacts'], querystring: ListContactsQuery, response: { 200: ContactListSchema, ...problemResponses(400, 404) } } },
    async (request) => listContactTable(app.db, requireActor(request), request.query),
  );

  app.post(
    '/contacts',
    {
      schema: {
        tags: ['contacts'],
        body: CreateContactBody,
        response: { 201: ContactSchema, ...problemResponses(400, 403) },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createContact(app.db, requireActor(request), request.body)),
  );

  app.get(
    '/contacts/:id',
    { schema: { tags: ['contacts'], params: IdParams, response: { 200: ContactSchema, ...problemResponses(400, 404) } } },
    async (request) => service.getContact(app.db, requireActor(request), request.params.id),
  );

  app.patch(
    '/contacts/:id',
    {
      schema: {
        tags: ['contacts'],
        params: IdParams,
        body: UpdateContactBody,
        response: { 200: ContactSchema, ...problemResponses(400, 403, 404, 409) },
      },
    },
    async (request) => service.updateContact(app.db, requireActor(request), request.params.id, request.body),
  );

  app.delete(
    '/contacts/:id',
    {
      schema: {
        tags: ['contacts'],
        params: IdParams,
        querystring: DeleteContactQuery,
        response: { 204: Type.Null(), ...problemResponses(400, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await service.deleteContact(app.db, requireActor(request), request.params.id, request.query.version);
      return reply.status(204).send(null);
    },
  );
};

export default contactsRoutes;
