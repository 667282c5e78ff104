import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireActor } from '../../plugins/auth.js';
import { IdParams, problemResponses } from '../../http/common.schemas.js';
import {
  AddParticipantBody,
  CreateProgrammeBody,
  ListProgrammesQuery,
  ParticipantListSchema,
  ParticipantParams,
  ParticipantSchema,
  ProgrammeListSchema,
  ProgrammeSchema,
  UpdateProgrammeBody,
  VersionQuery,
} from './programmes.schemas.js';
import { ProgrammeOverviewSchema } from './overview.schemas.js';
import * as service from './programmes.service.js';
import * as participants from './participants.service.js';
import { programmeOverview } from './overview.service.js';

const SCOPE = ' A governorate-limited caller sees programmes sharing a governorate with their account; others answer 404.';

const programmesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/programmes',
    {
      schema: {
        tags: ['programmes'],
        description: 'Newest start first, with counts of attributed events, interactions, tasks and participants.' + SCOPE,
        querystring: ListProgrammesQuery,
        response: { 200: ProgrammeListSchema, ...problemResponses(400) },
      },
    },
    async (request) => service.listProgrammes(app.db, requireActor(request), request.query),
  );

  app.get(
    '/programmes/:id',
    { schema: { tags: ['programmes'], params: IdParams, response: { 200: ProgrammeSchema, ...problemResponses(400, 404) } } },
    async (request) => service.getProgramme(app.db, requireActor(request), request.params.id),
  );

  app.post(
    '/programmes',
    {
      schema: {
        tags: ['programmes'],
        description:
          'Coordinators and administrators; a scoped one names at least one governorate, all of them theirs. Donors must be ' +
          'organisations (else 400 PROGRAMME_DONOR_NOT_ORGANISATION).',
        body: CreateProgrammeBody,
        response: { 201: ProgrammeSchema, ...problemResponses(400, 403, 404) },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createProgramme(app.db, requireActor(request), request.body)),
  );

  app.patch(
    '/programmes/:id',
    {
      schema: {
        tags: ['programmes'],
        description:
          'A stale version answers 409 CONFLICT. donorIds and governorates replace the lists; donors the caller cannot see stay.',
        params: IdParams,
        body: UpdateProgrammeBody,
        response: { 200: ProgrammeSchema, ...problemResponses(400, 403, 404, 409) },
      },
    },
    async (request) => service.updateProgramme(app.db, requireActor(request), request.params.id, request.body),
  );

  app.delete(
    '/programmes/:id',
    {
      schema: {
        tags: ['programmes'],
        description: 'Moves the programme with its links and participants to the trash; the events and the rest stay.',
        params: IdParams,
        querystring: VersionQuery,
        response: { 204: Type.Null(), ...problemResponses(400, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await service.deleteProgramme(app.db, requireActor(request), request.params.id, request.query.version);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/programmes/:id/overview',
    {
      schema: {
        tags: ['programmes'],
        description:
          "The programme page's figures: its events, attendance, government bodies engaged and contacts reached, each " +
          'counting a contact once, by governorate, kind, gender and month. A scoped caller counts contacts in their governorates.',
        params: IdParams,
        response: { 200: ProgrammeOverviewSchema, ...problemResponses(400, 404) },
      },
    },
    async (request) => programmeOverview(app.db, requireActor(request), request.params.id),
  );

  app.get(
    '/programmes/:id/participants',
    {
      schema: {
        tags: ['programmes'],
        params: IdParams,
        response: { 200: ParticipantListSchema, ...problemResponses(400, 404) },
      },
    },
    async (request) => participants.listParticipants(app.db, requireActor(request), request.params.id),
  );

  app.post(
    '/programmes/:id/participants',
    {
      schema: {
        tags: ['programmes'],
        description: 'Marks a contact participant or beneficiary; the same role twice answers 409 PROGRAMME_PARTICIPANT_EXISTS.',
        params: IdParams,
        body: AddParticipantBody,
        response: { 201: ParticipantSchema, ...problemResponses(400, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await participants.addParticipant(app.db, requireActor(request), request.params.id, request.body)),
  );

  app.delete(
    '/programmes/:id/participants/:contactId/:role',
    {
      schema: {
        tags: ['programmes'],
        params: ParticipantParams,
        response: { 204: Type.Null(), ...problemResponses(400, 403, 404) },
      },
    },
    async (request, reply) => {
      const { id, contactId, role } = request.params;
      await participants.removeParticipant(app.db, requireActor(request), id, contactId, role);
      return reply.status(204).send(null);
    },
  );
};

export default programmesRoutes;
