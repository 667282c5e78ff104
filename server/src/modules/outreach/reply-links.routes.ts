import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireActor } from '../../plugins/auth.js';
import { IdParams, problemResponses } from '../../http/common.schemas.js';
import { InvitationParams } from '../events/invitations.schemas.js';
import { IssueLinksBody, ReplyLinkListSchema } from './reply-links.schemas.js';
import { issueReplyLinks, revokeReplyLink } from './reply-links.service.js';
import type { OutreachRouteOptions } from './outreach-context.js';

const replyLinksRoutes: FastifyPluginAsyncTypebox<OutreachRouteOptions> = async (app, { linkContext }) => {
  app.post(
    '/events/:id/invitations/links',
    {
      schema: {
        tags: ['outreach'],
        description:
          "Each invitation's personal reply link (created when missing). reissue=true revokes the old links first. " +
          'Cancelled invitations: 409 INVITATION_CANCELLED; an event that is over: 409 EVENT_OVER.',
        params: IdParams,
        body: IssueLinksBody,
        response: { 200: ReplyLinkListSchema, ...problemResponses(400, 403, 404, 409) },
      },
    },
    async (request) => issueReplyLinks(app.db, requireActor(request), request.params.id, request.body, linkContext(request)),
  );

  app.delete(
    '/events/:id/invitations/:invitationId/link',
    {
      schema: {
        tags: ['outreach'],
        description: 'Revokes the invitation\'s reply link; its address then answers "this link is no longer valid".',
        params: InvitationParams,
        response: { 204: Type.Null(), ...problemResponses(403, 404) },
      },
    },
    async (request, reply) => {
      await revokeReplyLink(app.db, requireActor(request), request.params.id, request.params.invitationId);
      return reply.status(204).send(null);
    },
  );
};

export default replyLinksRoutes;
