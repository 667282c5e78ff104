import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireActor } from '../../plugins/auth.js';
import { IdParams, problemResponses } from '../../http/common.schemas.js';
import { VersionQuery } from './events.schemas.js';
import {
  AutoSplitBody,
  AutoSplitResultSchema,
  CreateGroupBody,
  GroupListSchema,
  GroupOrderBody,
  GroupParams,
  GroupSchema,
  MoveGroupBody,
  UpdateGroupBody,
} from './groups.schemas.js';
import * as service from './groups.service.js';

const groupsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/events/:id/groups',
    { schema: { tags: ['events'], params: IdParams, response: { 200: GroupListSchema, ...problemResponses(404) } } },
    async (request) => service.listGroups(app.db, requireActor(request), request.params.id),
  );

  app.put(
    '/events/:id/groups/order',
    {
      schema: {
        tags: ['events'],
        description: 'Sets the order of all the groups at once (groupIds: every group of the event, first to last).',
        params: IdParams,
        body: GroupOrderBody,
        response: { 200: GroupListSchema, ...problemResponses(400, 403, 404) },
      },
    },
    async (request) => service.setGroupOrder(app.db, requireActor(request), request.params.id, request.body.groupIds),
  );

  app.post(
    '/events/:id/groups/:groupId/move',
    {
      schema: {
        tags: ['events'],
        description: 'Moves a group one place up (towards the first) or down; at either end nothing changes. Answers the list.',
        params: GroupParams,
        body: MoveGroupBody,
        response: { 200: GroupListSchema, ...problemResponses(400, 403, 404) },
      },
    },
    async (request) => service.moveGroup(app.db, requireActor(request), request.params.id, request.params.groupId, request.body.direction),
  );

  app.post(
    '/events/:id/groups',
    {
      schema: {
        tags: ['events'],
        params: IdParams,
        body: CreateGroupBody,
        response: { 201: GroupSchema, ...problemResponses(400, 403, 404) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createGroup(app.db, requireActor(request), request.params.id, request.body)),
  );

  app.post(
    '/events/:id/groups/auto-split',
    {
      schema: {
        tags: ['events'],
        description:
          'Spreads confirmed/attended participants over the groups: balanced sizes, mixed governorates and kinds, colleagues apart. ' +
          'An account limited to some governorates gets 409 OUT_OF_SCOPE_INVITATIONS when participants outside them would move.',
        params: IdParams,
        body: AutoSplitBody,
        response: { 200: AutoSplitResultSchema, ...problemResponses(400, 403, 404, 409) },
      },
    },
    async (request) => service.autoSplitGroups(app.db, requireActor(request), request.params.id),
  );

  app.patch(
    '/events/:id/groups/:groupId',
    {
      schema: {
        tags: ['events'],
        params: GroupParams,
        body: UpdateGroupBody,
        response: { 200: GroupSchema, ...problemResponses(400, 403, 404, 409) },
      },
    },
    async (request) => service.updateGroup(app.db, requireActor(request), request.params.id, request.params.groupId, request.body),
  );

  app.delete(
    '/events/:id/groups/:groupId',
    {
      schema: {
        tags: ['events'],
        description:
          'Deletes the group; its invitations become unassigned. An account limited to some governorates gets ' +
          '409 OUT_OF_SCOPE_INVITATIONS when the group holds invitations outside them.',
        params: GroupParams,
        querystring: VersionQuery,
        response: { 204: Type.Null(), ...problemResponses(400, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await service.deleteGroup(app.db, requireActor(request), request.params.id, request.params.groupId, request.query.version);
      return reply.status(204).send(null);
    },
  );
};

export default groupsRoutes;
