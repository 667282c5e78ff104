import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requireActor } from '../../plugins/auth.js';
import { IdParams, problemResponses } from '../../http/common.schemas.js';
import {
  AssigneeListSchema,
  AssigneesQuery,
  CreateTaskBody,
  ListTasksQuery,
  TaskListSchema,
  TaskSchema,
  TaskSummarySchema,
  UpdateTaskBody,
} from './tasks.schemas.js';
import * as service from './tasks.service.js';

const tasksRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/tasks',
    {
      schema: {
        tags: ['tasks'],
        description:
          'Overdue first, then by due date (none last). A scoped caller sees tasks about contacts in their governorates ' +
          'plus those assigned to or created by them. contactId: about the contact or an interaction it took part in.',
        querystring: ListTasksQuery,
        response: { 200: TaskListSchema, ...problemResponses(400, 404) },
      },
    },
    async (request) => service.listTasks(app.db, requireActor(request), request.query),
  );

  app.get(
    '/tasks/summary',
    {
      schema: {
        tags: ['tasks'],
        description: "The caller's open and overdue tasks, for the header.",
        response: { 200: TaskSummarySchema, ...problemResponses() },
      },
    },
    async (request) => service.taskSummary(app.db, requireActor(request)),
  );

  app.get(
    '/tasks/assignees',
    {
      schema: {
        tags: ['tasks'],
        description: 'Active accounts a task about this contact / interaction / event may be given to.',
        querystring: AssigneesQuery,
        response: { 200: AssigneeListSchema, ...problemResponses(400, 404) },
      },
    },
    async (request) => service.listAssignees(app.db, requireActor(request), request.query),
  );

  app.get(
    '/tasks/:id',
    { schema: { tags: ['tasks'], params: IdParams, response: { 200: TaskSchema, ...problemResponses(400, 404) } } },
    async (request) => service.getTask(app.db, requireActor(request), request.params.id),
  );

  app.post(
    '/tasks',
    {
      schema: {
        tags: ['tasks'],
        description:
          'assigneeId defaults to the caller; the assignee must be active, may change contacts (else 400 ASSIGNEE_UNAVAILABLE) ' +
          'and see the linked contact (else 400 ASSIGNEE_OUT_OF_SCOPE). One task per interaction (else 409 TASK_EXISTS).',
        body: CreateTaskBody,
        response: { 201: TaskSchema, ...problemResponses(400, 403, 404, 409) },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createTask(app.db, requireActor(request), request.body)),
  );

  app.patch(
    '/tasks/:id',
    {
      schema: {
        tags: ['tasks'],
        params: IdParams,
        body: UpdateTaskBody,
        response: { 200: TaskSchema, ...problemResponses(400, 403, 404, 409) },
      },
    },
    async (request) => service.updateTask(app.db, requireActor(request), request.params.id, request.body),
  );
};

export default tasksRoutes;
