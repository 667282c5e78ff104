import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import replyLinksRoutes from './reply-links.routes.js';
import templatesRoutes from './templates.routes.js';
import whatsappRoutes from './whatsapp.routes.js';
import rsvpRoutes from './rsvp.routes.js';
import { DEFAULT_REPLY_LIMITS, type ReplyLimits } from './rsvp-limits.js';
import calendarRoutes from './calendar.routes.js';
import emailRoutes from './email.routes.js';
import { outreachRouteOptions } from './outreach-context.js';
import { emailRouteOptions } from './email-context.js';
import type { MailConfig } from '../../config.js';

/** Everything that reaches invitees (issue 11): reply links, messages, calendar files. */
const outreachRoutes: FastifyPluginAsyncTypebox<{
  serverSecret: string;
  publicUrl: string | null;
  replyLimits?: Partial<ReplyLimits>;
  mail?: MailConfig | null;
}> = async (app, opts) => {
  const options = outreachRouteOptions(opts.serverSecret, opts.publicUrl);
  await app.register(replyLinksRoutes, options);
  await app.register(templatesRoutes);
  await app.register(whatsappRoutes, options);
  await app.register(rsvpRoutes, { replyLimits: { ...DEFAULT_REPLY_LIMITS, ...opts.replyLimits } });
  const email = emailRouteOptions(app, opts.publicUrl, opts.mail ?? null);
  await app.register(calendarRoutes, { ...options, calendar: email.calendar });
  await app.register(emailRoutes, { ...options, email });
};

export default outreachRoutes;
