import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { problemResponses } from '../../http/common.schemas.js';
import { admitReplyAnswer, admitReplyView, type ReplyLimits } from './rsvp-limits.js';
import { RsvpAnswerBody, RsvpParams, RsvpViewSchema } from './rsvp.schemas.js';
import { answerReply, viewReply } from './rsvp.service.js';

/**
 * The invitee's side of a reply link: public (the token is the credential) and showing only that one invitation.
 * Unknown or malformed token: 404 REPLY_LINK_UNKNOWN; revoked, re-issued, cancelled or event over: 410 REPLY_LINK_GONE.
 */
const rsvpRoutes: FastifyPluginAsyncTypebox<{ replyLimits: ReplyLimits }> = async (app, { replyLimits }) => {
  app.get(
    '/rsvp/:token',
    {
      config: { public: true },
      schema: {
        tags: ['outreach'],
        security: [],
        description: "The invitee's reply page: their invitation only. Counts an opening of the link.",
        params: RsvpParams,
        response: { 200: RsvpViewSchema, ...problemResponses(400, 404, 410, 429) },
      },
    },
    async (request) => {
      await admitReplyView(app.db, replyLimits, request.ip);
      return viewReply(app.db, request.params.token);
    },
  );

  app.post(
    '/rsvp/:token',
    {
      config: { public: true },
      schema: {
        tags: ['outreach'],
        security: [],
        description:
          'The invitee answers (attend / decline, optional note ≤ 300 characters); the same answer again changes nothing. ' +
          'Once the event has started: 409 REPLY_CLOSED.',
        params: RsvpParams,
        body: RsvpAnswerBody,
        response: { 200: RsvpViewSchema, ...problemResponses(400, 404, 409, 410, 429) },
      },
    },
    async (request) => {
      await admitReplyAnswer(app.db, replyLimits, request.ip, request.params.token);
      return answerReply(app.db, request.params.token, request.body);
    },
  );
};

export default rsvpRoutes;
