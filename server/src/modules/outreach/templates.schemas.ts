import { Type, type Static } from 'typebox';
import { DateTime, Uuid, literalUnion } from '../../http/common.schemas.js';
import { SUBJECT_MAX_LENGTH, TEMPLATE_PLACEHOLDERS } from '../../domain/outreach/message-template.js';
import { MESSAGE_LANGUAGES, MESSAGE_PURPOSES } from '../../domain/outreach/vocabulary.js';

export const PurposeSchema = literalUnion(MESSAGE_PURPOSES);
export const LanguageSchema = literalUnion(MESSAGE_LANGUAGES);

export const TemplateSchema = Type.Object({
  purpose: PurposeSchema,
  language: LanguageSchema,
  /** For email; WhatsApp sends the body alone. */
  subject: Type.String(),
  body: Type.String(),
  /** True while the event uses the built-in text (never saved, or reset). */
  isDefault: Type.Boolean(),
  /** 0 for the default text; send it back on save, a stale one answers 409 CONFLICT. */
  version: Type.Integer({ minimum: 0 }),
  updatedAt: Type.Union([DateTime, Type.Null()]),
});
export type TemplateDto = Static<typeof TemplateSchema>;

export const TemplateListSchema = Type.Object({
  items: Type.Array(TemplateSchema),
  /** The placeholders a text may use, written in braces: {name}. */
  placeholders: Type.Array(literalUnion(TEMPLATE_PLACEHOLDERS)),
});
export type TemplateListDto = Static<typeof TemplateListSchema>;

export const TemplateParams = Type.Object({ id: Uuid, purpose: PurposeSchema, language: LanguageSchema }, { additionalProperties: false });

/** Lengths are checked by the service so the answer names the field (body over 2,000 characters: 400 too_long). */
export const SaveTemplateBody = Type.Object(
  {
    subject: Type.Optional(Type.Union([Type.String({ maxLength: SUBJECT_MAX_LENGTH * 2 }), Type.Null()])),
    body: Type.String({ maxLength: 10000 }),
    version: Type.Integer({ minimum: 0 }),
  },
  { additionalProperties: false },
);
export type SaveTemplateInput = Static<typeof SaveTemplateBody>;

export const ResetTemplateQuery = Type.Object({ version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });
