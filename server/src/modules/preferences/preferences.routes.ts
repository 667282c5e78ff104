import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requireActor } from '../../plugins/auth.js';
import { problemResponses } from '../../http/common.schemas.js';
import { PreferencesSchema, UpdatePreferencesBody } from './preferences.schemas.js';
import * as service from './preferences.service.js';

/** The signed-in user's own display preferences, kept on the server so they follow the user to another browser. */
const preferencesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/me/preferences', { schema: { tags: ['auth'], response: { 200: PreferencesSchema, ...problemResponses() } } }, async (request) =>
    service.getPreferences(app.db, requireActor(request)),
  );

  app.put(
    '/me/preferences',
    { schema: { tags: ['auth'], body: UpdatePreferencesBody, response: { 200: PreferencesSchema, ...problemResponses(400) } } },
    async (request) => service.updatePreferences(app.db, requireActor(request), request.body),
  );
};

export default preferencesRoutes;
