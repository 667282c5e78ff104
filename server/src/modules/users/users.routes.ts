import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requireActor } from '../../plugins/auth.js';
import { IdParams, problemResponses } from '../../http/common.schemas.js';
import { CreateUserBody, UpdateUserBody, UserListSchema, UserSchema } from './users.schemas.js';
import * as service from './users.service.js';

const usersRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/users', { schema: { tags: ['users'], response: { 200: UserListSchema, ...problemResponses(403) } } }, async (request) => ({
    items: await service.listUsers(app.db, requireActor(request)),
  }));

  app.post(
    '/users',
    { schema: { tags: ['users'], body: CreateUserBody, response: { 201: UserSchema, ...problemResponses(400, 403, 409) } } },
    async (request, reply) => reply.status(201).send(await service.createUser(app.db, requireActor(request), request.body)),
  );

  app.patch(
    '/users/:id',
    {
      schema: {
        tags: ['users'],
        params: IdParams,
        body: UpdateUserBody,
        response: { 200: UserSchema, ...problemResponses(400, 403, 404, 409) },
      },
    },
    async (request) => service.updateUser(app.db, requireActor(request), request.params.id, request.body),
  );
};

export default usersRoutes;
