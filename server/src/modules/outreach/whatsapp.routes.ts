import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requireActor } from '../../plugins/auth.js';
import { IdParams, problemResponses } from '../../http/common.schemas.js';
import {
  AudienceQuery,
  AudienceResultSchema,
  MarkSentResultSchema,
  MessageParams,
  NumbersResultSchema,
  SelectionBody,
  WhatsAppBody,
  WhatsAppResultSchema,
} from './outreach.schemas.js';
import { markWhatsAppSent, prepareWhatsApp, reminderAudience, selectedNumbers, selectedVCards } from './whatsapp.service.js';
import type { OutreachRouteOptions } from './outreach-context.js';

/** WhatsApp click-to-chat, the numbers and vCard of a selection, and the reminder audiences (docs/api-outreach.md). */
const whatsappRoutes: FastifyPluginAsyncTypebox<OutreachRouteOptions> = async (app, { linkContext }) => {
  app.post(
    '/events/:id/outreach/whatsapp',
    {
      schema: {
        tags: ['outreach'],
        description:
          'The walk-through: per invitation the rendered text with its reply link and a wa.me address, recorded as a prepared ' +
          'message (one per invitee, purpose and Baghdad day: opening it again reuses the row). Skipped: no_mobile, ' +
          'phone_hidden (restricted contact, role may not see the number), cancelled, no_consent (the person withdrew WhatsApp ' +
          'consent). Event over: 409 EVENT_OVER.',
        params: IdParams,
        body: WhatsAppBody,
        response: { 200: WhatsAppResultSchema, ...problemResponses(400, 403, 404, 409) },
      },
    },
    async (request) => prepareWhatsApp(app.db, requireActor(request), request.params.id, request.body, linkContext(request)),
  );

  app.post(
    '/events/:id/outreach/:messageId/sent',
    {
      schema: {
        tags: ['outreach'],
        description:
          'Staff sent the prepared message: it becomes sent, a proposed invitation becomes invited, and the message goes on ' +
          "the attendee's timeline. Repeating it changes nothing.",
        params: MessageParams,
        response: { 200: MarkSentResultSchema, ...problemResponses(403, 404, 409) },
      },
    },
    async (request) => markWhatsAppSent(app.db, requireActor(request), request.params.id, request.params.messageId),
  );

  app.post(
    '/events/:id/outreach/numbers',
    {
      schema: {
        tags: ['outreach'],
        description: 'The mobiles of a selection ("copy all numbers"), with the same skipped reasons; recorded as an export.',
        params: IdParams,
        body: SelectionBody,
        response: { 200: NumbersResultSchema, ...problemResponses(400, 403, 404) },
      },
    },
    async (request) => selectedNumbers(app.db, requireActor(request), request.params.id, request.body),
  );

  app.post(
    '/events/:id/outreach/vcard',
    {
      schema: {
        tags: ['outreach'],
        description:
          'A vCard 3.0 file (text/vcard, UTF-8), one card per reachable person; recorded as an export. X-Skipped: how many were left out.',
        params: IdParams,
        body: SelectionBody,
        response: { ...problemResponses(400, 403, 404) },
      },
    },
    async (request, reply) => {
      const file = await selectedVCards(app.db, requireActor(request), request.params.id, request.body);
      return reply
        .header('content-type', 'text/vcard; charset=utf-8')
        .header('content-disposition', 'attachment; filename="contacts.vcf"')
        .header('x-skipped', String(file.skipped))
        .send(file.text);
    },
  );

  app.get(
    '/events/:id/outreach/audience',
    {
      schema: {
        tags: ['outreach'],
        description: "Reminder audiences among the caller's invitations: no_reply (invited, no answer yet) or confirmed.",
        params: IdParams,
        querystring: AudienceQuery,
        response: { 200: AudienceResultSchema, ...problemResponses(400, 404) },
      },
    },
    async (request) => reminderAudience(app.db, requireActor(request), request.params.id, request.query.for),
  );
};

export default whatsappRoutes;
