import { Type, type Static } from 'typebox';
import { DateTime, Uuid, literalUnion } from '../../http/common.schemas.js';
import { OUTREACH_CHANNELS, OUTREACH_MESSAGE_STATUSES } from '../../domain/outreach/vocabulary.js';
import { LanguageSchema, PurposeSchema } from './templates.schemas.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const InvitationIds = Type.Array(Uuid, { minItems: 1, maxItems: 1000, uniqueItems: true });

/** Why someone is left out of a WhatsApp walk-through, a number list or a vCard file. */
/** no_consent: the person's current consent record says no to WhatsApp (an unknown answer does not skip). */
export const SKIP_REASONS = ['no_mobile', 'phone_hidden', 'cancelled', 'no_consent'] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];
export const SkippedSchema = Type.Object({ invitationId: Uuid, name: Type.String(), reason: literalUnion(SKIP_REASONS) });

export const WhatsAppBody = Type.Object(
  { invitationIds: InvitationIds, purpose: PurposeSchema, language: LanguageSchema },
  { additionalProperties: false },
);
export type WhatsAppInput = Static<typeof WhatsAppBody>;

export const WhatsAppMessageSchema = Type.Object({
  invitationId: Uuid,
  messageId: Uuid,
  name: Type.String(),
  /** For reading (+964 770 123 4567); waUrl has the digits. */
  phone: Type.String(),
  body: Type.String(),
  waUrl: Type.String(),
  /** sent when this message was already confirmed today (the walk-through was opened again). */
  status: literalUnion(OUTREACH_MESSAGE_STATUSES),
});
export const WhatsAppResultSchema = Type.Object({ items: Type.Array(WhatsAppMessageSchema), skipped: Type.Array(SkippedSchema) });
export type WhatsAppResultDto = Static<typeof WhatsAppResultSchema>;
export type WhatsAppMessageDto = Static<typeof WhatsAppMessageSchema>;
export type SkippedDto = Static<typeof SkippedSchema>;

export const MessageParams = Type.Object({ id: Uuid, messageId: Uuid }, { additionalProperties: false });

export const MarkSentResultSchema = Type.Object({
  messageId: Uuid,
  invitationId: Uuid,
  status: literalUnion(OUTREACH_MESSAGE_STATUSES),
  sentAt: DateTime,
  /** The invitation's status after the send (a proposed one becomes invited). */
  invitationStatus: Type.String(),
  /** The timeline entry this call wrote; null when the message was already marked sent (nothing is recorded twice). */
  interactionId: Nullable(Uuid),
});
export type MarkSentResultDto = Static<typeof MarkSentResultSchema>;

export const SelectionBody = Type.Object({ invitationIds: InvitationIds }, { additionalProperties: false });
export type SelectionInput = Static<typeof SelectionBody>;

export const NumbersResultSchema = Type.Object({
  items: Type.Array(Type.Object({ invitationId: Uuid, name: Type.String(), phone: Type.String(), display: Type.String() })),
  skipped: Type.Array(SkippedSchema),
});
export type NumbersResultDto = Static<typeof NumbersResultSchema>;

export const AUDIENCES = ['no_reply', 'confirmed'] as const;
export const AudienceQuery = Type.Object({ for: literalUnion(AUDIENCES) }, { additionalProperties: false });
export const AudienceResultSchema = Type.Object({ invitationIds: Type.Array(Uuid) });
export type AudienceResultDto = Static<typeof AudienceResultSchema>;

/** Outreach on the invitation list (item 7): what was sent last, whether the link was opened, whether they answered. */
export const OutreachStatusSchema = Type.Object({
  lastMessage: Nullable(
    Type.Object({
      channel: literalUnion(OUTREACH_CHANNELS),
      purpose: PurposeSchema,
      status: literalUnion(OUTREACH_MESSAGE_STATUSES),
      at: DateTime,
    }),
  ),
  lastSentAt: Nullable(DateTime),
  link: Nullable(Type.Object({ firstOpenedAt: Nullable(DateTime), lastOpenedAt: Nullable(DateTime), openCount: Type.Integer() })),
  repliedViaLink: Nullable(Type.Object({ at: DateTime, status: Type.String() })),
});
export type OutreachStatusDto = Static<typeof OutreachStatusSchema>;
