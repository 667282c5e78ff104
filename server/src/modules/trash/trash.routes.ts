import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireActor } from '../../plugins/auth.js';
import { IdParams, problemResponses } from '../../http/common.schemas.js';
import { RestoreResultSchema, TrashListQuery, TrashListSchema, UndoMergeResultSchema } from './trash.schemas.js';
import * as service from './trash.service.js';
import { undoMerge } from './undo-merge.service.js';

export interface TrashRoutesOptions {
  /** TRASH_DAYS: how long deleted things (and merges) can be brought back. */
  days: number;
}

const trashRoutes: FastifyPluginAsyncTypebox<TrashRoutesOptions> = async (app, { days }) => {
  app.get(
    '/trash',
    {
      schema: {
        tags: ['trash'],
        description:
          'Deleted contacts, events, positions, relationships, interactions and undoable merges, newest first. Coordinators see those in their governorates.',
        querystring: TrashListQuery,
        response: { 200: TrashListSchema, ...problemResponses(400, 403) },
      },
    },
    async (request) => service.listTrash(app.db, requireActor(request), request.query, days),
  );

  app.post(
    '/trash/:id/restore',
    {
      schema: {
        tags: ['trash'],
        description:
          'Brings the item back with everything that was deleted with it, under the same ids. 409 TRASH_PARENT_GONE names a missing parent.',
        params: IdParams,
        response: { 200: RestoreResultSchema, ...problemResponses(403, 404, 409) },
      },
    },
    async (request) => service.restoreItem(app.db, requireActor(request), request.params.id, days),
  );

  app.post(
    '/trash/:id/purge',
    {
      schema: {
        tags: ['trash'],
        description: 'Removes the item for good now (administrators), e.g. for an erasure request.',
        params: IdParams,
        response: { 204: Type.Null(), ...problemResponses(403, 404) },
      },
    },
    async (request, reply) => {
      await service.purgeItem(app.db, requireActor(request), request.params.id, days);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/merges/:id/undo',
    {
      schema: {
        tags: ['trash'],
        description:
          "Undoes a merge (id: the merge result's undoId) while the survivor is unchanged since. 409 MERGE_CHANGED_SINCE names the changed fields.",
        params: IdParams,
        response: { 200: UndoMergeResultSchema, ...problemResponses(403, 404, 409) },
      },
    },
    async (request) => undoMerge(app.db, requireActor(request), request.params.id, days),
  );
};

export default trashRoutes;
