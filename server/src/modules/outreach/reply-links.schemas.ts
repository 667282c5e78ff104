import { Type, type Static } from 'typebox';
import { DateTime, Uuid } from '../../http/common.schemas.js';

export const ReplyLinkSchema = Type.Object({
  invitationId: Uuid,
  /** The invitee's personal page; the same address until the link is revoked or re-issued. */
  url: Type.String(),
  issuedAt: DateTime,
  firstOpenedAt: Type.Union([DateTime, Type.Null()]),
  lastOpenedAt: Type.Union([DateTime, Type.Null()]),
  openCount: Type.Integer({ minimum: 0 }),
});
export type ReplyLinkDto = Static<typeof ReplyLinkSchema>;

export const IssueLinksBody = Type.Object(
  {
    invitationIds: Type.Array(Uuid, { minItems: 1, maxItems: 1000, uniqueItems: true }),
    /** Revoke any live link first, so an address sent earlier stops working (a link forwarded to the wrong person). */
    reissue: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type IssueLinksInput = Static<typeof IssueLinksBody>;

export const ReplyLinkListSchema = Type.Object({ items: Type.Array(ReplyLinkSchema) });
