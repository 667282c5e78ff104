import { Type, type Static } from 'typebox';
import { DateTime, Email, GovernorateCode, Uuid, literalUnion } from '../../http/common.schemas.js';
import { CONTACT_KINDS, SENSITIVITIES } from '../../domain/contact-kinds.js';
import { DUPLICATE_REASON_CODES } from '../../domain/duplicates/duplicate-score.js';

const Kind = literalUnion(CONTACT_KINDS);

export const DuplicateReasonSchema = Type.Object({
  code: literalUnion(DUPLICATE_REASON_CODES),
  similarity: Type.Optional(Type.Number()),
});

export const DuplicateContactSchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  nameLatin: Type.Union([Type.String(), Type.Null()]),
  kind: Kind,
  governorates: Type.Array(Type.String()),
  phones: Type.Optional(Type.Array(Type.String())),
  emails: Type.Optional(Type.Array(Type.String())),
  detailsHidden: Type.Boolean(),
  sensitivity: literalUnion(SENSITIVITIES),
  updatedAt: DateTime,
  version: Type.Integer(),
});
export type DuplicateContactDto = Static<typeof DuplicateContactSchema>;

export const DuplicatePairSchema = Type.Object({
  a: DuplicateContactSchema,
  b: DuplicateContactSchema,
  score: Type.Number(),
  reasons: Type.Array(DuplicateReasonSchema),
});

export const ListDuplicatesQuery = Type.Object(
  {
    governorate: Type.Optional(GovernorateCode),
    kind: Type.Optional(Kind),
    minScore: Type.Number({ minimum: 0, maximum: 1, default: 0.5 }),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    offset: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }),
  },
  { additionalProperties: false },
);
export type ListDuplicatesFilter = Static<typeof ListDuplicatesQuery>;

/**
 * Matches withheld from the caller: a restricted contact shares a phone or an email with what was asked about, and the
 * caller's role may not see restricted contacts' details, so the contact is not named. A coordinator can check them.
 */
export const HiddenMatchesSchema = Type.Object(
  {
    count: Type.Integer({ minimum: 1, description: 'how many matches were withheld' }),
    reason: Type.Literal('restricted_contact_details'),
    message: Type.String({ description: 'an English sentence; the web app shows its own Arabic or English one' }),
  },
  { description: 'null when nothing was withheld' },
);
export type HiddenMatchesDto = Static<typeof HiddenMatchesSchema>;
export const NullableHiddenMatches = Type.Union([HiddenMatchesSchema, Type.Null()]);

export const DuplicateListSchema = Type.Object({
  items: Type.Array(DuplicatePairSchema),
  total: Type.Integer(),
  limit: Type.Integer(),
  offset: Type.Integer(),
  /** Pairs left out (or shown by name only) because they share a restricted contact's phone or email. */
  hiddenMatches: NullableHiddenMatches,
});

export const DismissBody = Type.Object({ contactIds: Type.Array(Uuid, { minItems: 2, maxItems: 2 }) }, { additionalProperties: false });

export const DuplicateCandidateSchema = Type.Object({
  contactId: Uuid,
  name: Type.String(),
  kind: Kind,
  governorates: Type.Array(Type.String()),
  score: Type.Number(),
  reasons: Type.Array(DuplicateReasonSchema),
});
export type DuplicateCandidateDto = Static<typeof DuplicateCandidateSchema>;

export const CheckDuplicatesBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 300 }),
    nameLatin: Type.Optional(Type.Union([Type.String({ maxLength: 300 }), Type.Null()])),
    phones: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 10 })),
    emails: Type.Optional(Type.Array(Email, { maxItems: 10 })),
    governorates: Type.Optional(Type.Array(GovernorateCode, { maxItems: 19 })),
    kind: Type.Optional(Kind),
    excludeId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type CheckDuplicatesInput = Static<typeof CheckDuplicatesBody>;

export const CheckDuplicatesResult = Type.Object({
  items: Type.Array(DuplicateCandidateSchema),
  hiddenMatches: NullableHiddenMatches,
});
export type DuplicateReasonDto = Static<typeof DuplicateReasonSchema>;
export type DuplicatePairDto = Static<typeof DuplicatePairSchema>;
export type DuplicateListDto = Static<typeof DuplicateListSchema>;
export type CheckDuplicatesResultDto = Static<typeof CheckDuplicatesResult>;
