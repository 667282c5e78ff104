import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import replyLinksRoutes from './reply-links.routes.js';
import templatesRoutes from './templates.routes.js';
import whatsappRoutes from './whatsapp.routes.js';
import { outreachRouteOptions } from './outreach-context.js';

/** Everything that reaches invitees (issue 11): reply links, messages, calendar files. */
const outreachRoutes: FastifyPluginAsyncTypebox<{ serverSecret: string; publicUrl: string | null }> = async (app, opts) => {
  const options = outreachRouteOptions(opts.serverSecret, opts.publicUrl);
  await app.register(replyLinksRoutes, options);
  await app.register(templatesRoutes);
  await app.register(whatsappRoutes, options);
};

export default outreachRoutes;
