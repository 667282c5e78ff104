import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requireActor } from '../../plugins/auth.js';
import { IdParams, problemResponses } from '../../http/common.schemas.js';
import {
  EmailJobSchema,
  EmailJobStartedSchema,
  EmailPreviewSchema,
  EmailSendBody,
  EmailSettingsSchema,
  JobParams,
} from './email.schemas.js';
import { emailJobProgress, eventEmailSettings, previewEmail, startEmailJob, type EmailContext } from './email.service.js';
import type { OutreachRouteOptions } from './outreach-context.js';

const emailRoutes: FastifyPluginAsyncTypebox<OutreachRouteOptions & { email: Omit<EmailContext, 'log'> }> = async (app, opts) => {
  const ctx: EmailContext = { ...opts.email, log: app.log };

  app.get(
    '/events/:id/outreach/email/settings',
    {
      schema: {
        tags: ['outreach'],
        description: 'Whether this server can send email (SMTP_URL and MAIL_FROM set); when not, the hint says how to set it up.',
        params: IdParams,
        response: { 200: EmailSettingsSchema, ...problemResponses(404) },
      },
    },
    async (request) => {
      requireActor(request);
      return eventEmailSettings(app.db, request.params.id, ctx.mail);
    },
  );

  app.post(
    '/events/:id/outreach/email/preview',
    {
      schema: {
        tags: ['outreach'],
        description: 'How many of these invitations would get the email now, and why the others would be skipped. Sends nothing.',
        params: IdParams,
        body: EmailSendBody,
        response: { 200: EmailPreviewSchema, ...problemResponses(400, 403, 404, 409) },
      },
    },
    async (request) => previewEmail(app.db, requireActor(request), request.params.id, request.body),
  );

  app.post(
    '/events/:id/outreach/email',
    {
      schema: {
        tags: ['outreach'],
        description:
          'Emails each invitee their message with their reply link and the calendar file, in the background: 202 with the job id; ' +
          'follow it at /events/:id/outreach/email/:jobId. Without SMTP set up: 409 MAIL_NOT_CONFIGURED. Event over: 409 EVENT_OVER.',
        params: IdParams,
        body: EmailSendBody,
        response: { 202: EmailJobStartedSchema, ...problemResponses(400, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const started = await startEmailJob(app.db, requireActor(request), request.params.id, request.body, ctx, opts.linkContext(request));
      return reply.status(202).send(started);
    },
  );

  app.get(
    '/events/:id/outreach/email/:jobId',
    {
      schema: {
        tags: ['outreach'],
        description: "An email job's progress and each invitation's outcome (sent, failed with the server's reason, skipped with why).",
        params: JobParams,
        response: { 200: EmailJobSchema, ...problemResponses(404) },
      },
    },
    async (request) => emailJobProgress(app.db, requireActor(request), request.params.id, request.params.jobId),
  );
};

export default emailRoutes;
