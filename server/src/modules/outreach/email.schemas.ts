import { Type, type Static } from 'typebox';
import { DateTime, literalUnion, Uuid } from '../../http/common.schemas.js';
import { MESSAGE_LANGUAGES, MESSAGE_PURPOSES } from '../../domain/outreach/vocabulary.js';

export const EmailSettingsSchema = Type.Object({
  configured: Type.Boolean(),
  /** MAIL_FROM when configured. */
  from: Type.Union([Type.String(), Type.Null()]),
  /** How to configure email, when it is not. */
  hint: Type.Union([Type.String(), Type.Null()]),
});
export type EmailSettingsDto = Static<typeof EmailSettingsSchema>;

export const EmailSendBody = Type.Object(
  {
    invitationIds: Type.Array(Uuid, { minItems: 1, maxItems: 1000, uniqueItems: true }),
    purpose: literalUnion(MESSAGE_PURPOSES),
    language: literalUnion(MESSAGE_LANGUAGES),
  },
  { additionalProperties: false },
);
export type EmailSendInput = Static<typeof EmailSendBody>;

/**
 * Why an invitation gets no email: no address, an address the sender may not see, cancelled, already sent, or the
 * person's current consent record says no to email.
 */
export const SKIP_REASONS = ['no_email', 'email_hidden', 'cancelled', 'already_sent', 'in_progress', 'no_consent'] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

export const EmailPreviewSchema = Type.Object({
  total: Type.Integer({ minimum: 0 }),
  /** Would be sent now. */
  sendable: Type.Integer({ minimum: 0 }),
  skipped: Type.Object({
    no_email: Type.Integer({ minimum: 0 }),
    email_hidden: Type.Integer({ minimum: 0 }),
    cancelled: Type.Integer({ minimum: 0 }),
    already_sent: Type.Integer({ minimum: 0 }),
    in_progress: Type.Integer({ minimum: 0 }),
    no_consent: Type.Integer({ minimum: 0 }),
  }),
});
export type EmailPreviewDto = Static<typeof EmailPreviewSchema>;

export const EmailJobStartedSchema = Type.Object({ jobId: Uuid });

export const EmailJobItemSchema = Type.Object({
  invitationId: Uuid,
  name: Type.String(),
  status: literalUnion(['pending', 'sent', 'failed', 'skipped'] as const),
  /** The SMTP server's reason for a failure (addresses masked), or the skip reason. */
  reason: Type.Union([Type.String(), Type.Null()]),
});

export const EmailJobSchema = Type.Object({
  jobId: Uuid,
  purpose: literalUnion(MESSAGE_PURPOSES),
  language: literalUnion(MESSAGE_LANGUAGES),
  createdAt: DateTime,
  total: Type.Integer({ minimum: 0 }),
  sent: Type.Integer({ minimum: 0 }),
  failed: Type.Integer({ minimum: 0 }),
  skipped: Type.Integer({ minimum: 0 }),
  pending: Type.Integer({ minimum: 0 }),
  done: Type.Boolean(),
  items: Type.Array(EmailJobItemSchema),
});
export type EmailJobDto = Static<typeof EmailJobSchema>;

export const JobParams = Type.Object({ id: Uuid, jobId: Uuid }, { additionalProperties: false });
