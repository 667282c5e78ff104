import { Type, type Static } from 'typebox';
import { Uuid } from '../../http/common.schemas.js';
import { QuotaStatusSchema } from './events.schemas.js';
import { PersonRefSchema, SuggestionReasonSchema } from './invitations.schemas.js';

export const SuggestionsQuery = Type.Object(
  {
    limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
    monthsWithoutInvitation: Type.Integer({ minimum: 0, maximum: 60, default: 6 }),
  },
  { additionalProperties: false },
);
export type SuggestionsOptions = Static<typeof SuggestionsQuery>;

export const SuggestionListSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      contact: PersonRefSchema,
      quotaGovernorate: Type.Union([Type.String(), Type.Null()], {
        description: 'the governorate this person would count toward; send it with the invitation',
      }),
      score: Type.Number(),
      reasons: Type.Array(SuggestionReasonSchema),
    }),
  ),
  unmetQuotas: Type.Array(QuotaStatusSchema),
});

export const DismissBody = Type.Object(
  { contactIds: Type.Array(Uuid, { minItems: 1, maxItems: 500, uniqueItems: true }) },
  { additionalProperties: false },
);
export type SuggestionListDto = Static<typeof SuggestionListSchema>;
