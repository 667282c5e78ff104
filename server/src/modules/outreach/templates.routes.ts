import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requireActor } from '../../plugins/auth.js';
import { IdParams, problemResponses } from '../../http/common.schemas.js';
import { ResetTemplateQuery, SaveTemplateBody, TemplateListSchema, TemplateParams, TemplateSchema } from './templates.schemas.js';
import { listTemplates, resetTemplate, saveTemplate } from './templates.service.js';

/** An event's message texts, one per purpose and language (docs/api-outreach.md). */
const templatesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/events/:id/templates',
    {
      schema: {
        tags: ['outreach'],
        description: "Each purpose × language: the event's own text or the default (isDefault, version 0), and the placeholders.",
        params: IdParams,
        response: { 200: TemplateListSchema, ...problemResponses(404) },
      },
    },
    async (request) => {
      requireActor(request);
      return listTemplates(app.db, request.params.id);
    },
  );

  app.put(
    '/events/:id/templates/:purpose/:language',
    {
      schema: {
        tags: ['outreach'],
        description:
          'Saves the text (version: the one you read, 0 for the default; stale: 409 CONFLICT). Unknown placeholder: 400 with ' +
          'field error code unknown_placeholder and its name as message; body over 2,000 characters: 400 too_long.',
        params: TemplateParams,
        body: SaveTemplateBody,
        response: { 200: TemplateSchema, ...problemResponses(400, 403, 404, 409) },
      },
    },
    async (request) => {
      const { id, purpose, language } = request.params;
      return saveTemplate(app.db, requireActor(request), id, purpose, language, request.body);
    },
  );

  app.delete(
    '/events/:id/templates/:purpose/:language',
    {
      schema: {
        tags: ['outreach'],
        description: "Back to the default text: drops the event's own if still at ?version (else 409 CONFLICT); answers the default.",
        params: TemplateParams,
        querystring: ResetTemplateQuery,
        response: { 200: TemplateSchema, ...problemResponses(400, 403, 404, 409) },
      },
    },
    async (request) => {
      const { id, purpose, language } = request.params;
      return resetTemplate(app.db, requireActor(request), id, purpose, language, request.query.version);
    },
  );
};

export default templatesRoutes;
