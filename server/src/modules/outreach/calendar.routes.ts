import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { requireActor } from '../../plugins/auth.js';
import { IdParams, problemResponses } from '../../http/common.schemas.js';
import { CalendarBody, CalendarQuery, CalendarTokenParams } from './calendar.schemas.js';
import { publicCalendarFile, staffCalendarFile, type CalendarContext, type CalendarFile } from './calendar.service.js';
import type { OutreachRouteOptions } from './outreach-context.js';

/** RFC 5987 value: encodeURIComponent leaves ' ( ) * as they are, which the header syntax does not allow. */
const rfc5987 = (text: string) => encodeURIComponent(text).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** attachment with an ASCII name for old clients and the title (UTF-8, RFC 5987) for the rest. */
function sendCalendar(reply: FastifyReply, file: CalendarFile) {
  return reply
    .type('text/calendar; charset=utf-8')
    .header('content-disposition', `attachment; filename="${file.fallbackName}"; filename*=UTF-8''${rfc5987(file.name)}`)
    .header('cache-control', 'private, no-store')
    .send(file.body);
}

const calendarRoutes: FastifyPluginAsyncTypebox<OutreachRouteOptions & { calendar: CalendarContext }> = async (app, opts) => {
  app.get(
    '/events/:id/calendar.ics',
    {
      schema: {
        tags: ['outreach'],
        description: 'The event as a calendar file (Asia/Baghdad times; same UID each time, SEQUENCE rises when the time changes).',
        params: IdParams,
        querystring: CalendarQuery,
        produces: ['text/calendar'],
        response: { 200: CalendarBody, ...problemResponses(404) },
      },
    },
    async (request, reply) => {
      requireActor(request);
      return sendCalendar(reply, await staffCalendarFile(app.db, request.params.id, opts.calendar, request.query.lang ?? 'ar'));
    },
  );

  app.get(
    '/rsvp/:token/calendar.ics',
    {
      config: { public: true },
      schema: {
        tags: ['outreach'],
        description:
          "The invitee's calendar file from their reply link, with the link in the description. 404 unknown, 410 no longer valid.",
        params: CalendarTokenParams,
        security: [],
        produces: ['text/calendar'],
        response: { 200: CalendarBody, ...problemResponses(404, 410) },
      },
    },
    async (request, reply) => {
      const { origin } = opts.linkContext(request);
      return sendCalendar(reply, await publicCalendarFile(app.db, request.params.token, opts.calendar, origin));
    },
  );
};

export default calendarRoutes;
