import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireActor } from '../../plugins/auth.js';
import { IdParams, problemResponses } from '../../http/common.schemas.js';
import {
  CreateEventBody,
  EventDetailSchema,
  EventListSchema,
  EventSummarySchema,
  ListEventsQuery,
  UpdateEventBody,
  VersionQuery,
} from './events.schemas.js';
import * as service from './events.service.js';
import invitationsRoutes from './invitations.routes.js';
import groupsRoutes from './groups.routes.js';
import suggestionsRoutes from './suggestions.routes.js';
import walkInsRoutes from './walk-ins.routes.js';
import eventExportRoutes from './event-export.routes.js';
import contactEventsRoutes from './contact-events.routes.js';
import checkInScanRoutes from './check-in-scan.routes.js';
import badgesRoutes from './badges.routes.js';

const eventsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/events',
    {
      schema: {
        tags: ['events'],
        description: 'Newest start first. from/to: start date, inclusive (UTC days). q: part of the title.',
        querystring: ListEventsQuery,
        response: { 200: EventListSchema, ...problemResponses(400) },
      },
    },
    async (request) => service.listEvents(app.db, requireActor(request), request.query),
  );

  app.get(
    '/events/:id',
    { schema: { tags: ['events'], params: IdParams, response: { 200: EventDetailSchema, ...problemResponses(404) } } },
    async (request) => service.getEventDetail(app.db, requireActor(request), request.params.id),
  );

  app.get(
    '/events/:id/summary',
    {
      schema: {
        tags: ['events'],
        description: 'Replies, quota status, capacity, and breakdowns by governorate, kind and gender (attendance after the fact).',
        params: IdParams,
        response: { 200: EventSummarySchema, ...problemResponses(404) },
      },
    },
    async (request) => {
      requireActor(request);
      return service.eventSummary(app.db, request.params.id);
    },
  );

  app.post(
    '/events',
    { schema: { tags: ['events'], body: CreateEventBody, response: { 201: EventDetailSchema, ...problemResponses(400, 403) } } },
    async (request, reply) => reply.status(201).send(await service.createEvent(app.db, requireActor(request), request.body)),
  );

  app.patch(
    '/events/:id',
    {
      schema: {
        tags: ['events'],
        description: 'quotas, when given, replace all quotas.',
        params: IdParams,
        body: UpdateEventBody,
        response: { 200: EventDetailSchema, ...problemResponses(400, 403, 404, 409) },
      },
    },
    async (request) => service.updateEvent(app.db, requireActor(request), request.params.id, request.body),
  );

  app.delete(
    '/events/:id',
    {
      schema: {
        tags: ['events'],
        params: IdParams,
        querystring: VersionQuery,
        response: { 204: Type.Null(), ...problemResponses(400, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await service.deleteEvent(app.db, requireActor(request), request.params.id, request.query.version);
      return reply.status(204).send(null);
    },
  );

  await app.register(invitationsRoutes);
  await app.register(groupsRoutes);
  await app.register(suggestionsRoutes);
  await app.register(walkInsRoutes);
  await app.register(eventExportRoutes);
  await app.register(contactEventsRoutes);
  await app.register(checkInScanRoutes);
  await app.register(badgesRoutes);
};

export default eventsRoutes;
