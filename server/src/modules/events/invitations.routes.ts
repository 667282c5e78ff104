import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireActor } from '../../plugins/auth.js';
import { IdParams, problemResponses } from '../../http/common.schemas.js';
import { VersionQuery } from './events.schemas.js';
import {
  AddInvitationsBody,
  ArrivalQuery,
  AddInvitationsResultSchema,
  BulkUpdateBody,
  InvitationItemsSchema,
  InvitationListSchema,
  InvitationParams,
  InvitationSchema,
  ListInvitationsQuery,
  UpdateInvitationBody,
} from './invitations.schemas.js';
import * as service from './invitations.service.js';

const invitationsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/events/:id/invitations',
    {
      schema: {
        tags: ['events'],
        description: "By contact name. Invitations of contacts outside the caller's governorates are counted in hidden.",
        params: IdParams,
        querystring: ListInvitationsQuery,
        response: { 200: InvitationListSchema, ...problemResponses(400, 404) },
      },
    },
    async (request) => service.listInvitations(app.db, requireActor(request), request.params.id, request.query),
  );

  app.post(
    '/events/:id/invitations',
    {
      schema: {
        tags: ['events'],
        description:
          'All or nothing. Already on the list: 409 INVITATION_EXISTS unless skipExisting; over capacity: 409 CAPACITY_EXCEEDED unless allowOverCapacity.',
        params: IdParams,
        body: AddInvitationsBody,
        response: { 201: AddInvitationsResultSchema, ...problemResponses(400, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.addInvitations(app.db, requireActor(request), request.params.id, request.body)),
  );

  app.post(
    '/events/:id/invitations/bulk',
    {
      schema: {
        tags: ['events'],
        description:
          'One change for a selection, all or nothing (409 INVALID_STATUS_TRANSITION lists every invalid one). ' +
          "Status attended outside the event's days (Baghdad time): 409 OUTSIDE_EVENT_DAYS unless confirmOutsideEventDays=true.",
        params: IdParams,
        querystring: ArrivalQuery,
        body: BulkUpdateBody,
        response: { 200: InvitationItemsSchema, ...problemResponses(400, 403, 404, 409) },
      },
    },
    async (request) =>
      service.bulkUpdate(app.db, requireActor(request), request.params.id, request.body, request.query.confirmOutsideEventDays === true),
  );

  app.patch(
    '/events/:id/invitations/:invitationId',
    {
      schema: {
        tags: ['events'],
        description: "Status attended outside the event's days (Baghdad time): 409 OUTSIDE_EVENT_DAYS unless confirmOutsideEventDays=true.",
        params: InvitationParams,
        querystring: ArrivalQuery,
        body: UpdateInvitationBody,
        response: { 200: InvitationSchema, ...problemResponses(400, 403, 404, 409) },
      },
    },
    async (request) =>
      service.updateInvitation(
        app.db,
        requireActor(request),
        request.params.id,
        request.params.invitationId,
        request.body,
        request.query.confirmOutsideEventDays === true,
      ),
  );

  app.delete(
    '/events/:id/invitations/:invitationId',
    {
      schema: {
        tags: ['events'],
        params: InvitationParams,
        querystring: VersionQuery,
        response: { 204: Type.Null(), ...problemResponses(400, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await service.deleteInvitation(app.db, requireActor(request), request.params.id, request.params.invitationId, request.query.version);
      return reply.status(204).send(null);
    },
  );
};

export default invitationsRoutes;
