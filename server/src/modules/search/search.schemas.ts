import { Type, type Static } from 'typebox';
import { GovernorateCode, Uuid, literalUnion } from '../../http/common.schemas.js';
import { CONTACT_KINDS } from '../../domain/contact-kinds.js';

export const SearchQuery = Type.Object(
  {
    q: Type.String({ minLength: 1, maxLength: 200 }),
    kind: Type.Optional(literalUnion(CONTACT_KINDS)),
    governorate: Type.Optional(GovernorateCode),
    limit: Type.Integer({ minimum: 1, maximum: 50, default: 10 }),
  },
  { additionalProperties: false },
);
export type SearchParams = Static<typeof SearchQuery>;

const RangeSchema = Type.Object({ start: Type.Integer(), end: Type.Integer() });

export const SearchResultSchema = Type.Object({
  id: Uuid,
  kind: literalUnion(CONTACT_KINDS),
  name: Type.String(),
  nameLatin: Type.Union([Type.String(), Type.Null()]),
  governorates: Type.Array(Type.String()),
  score: Type.Number(),
  highlight: Type.Object({
    name: Type.Array(RangeSchema, { description: 'matched words of name, as UTF-16 [start, end) offsets' }),
    nameLatin: Type.Array(RangeSchema),
  }),
  detail: Type.Object(
    {
      fatherName: Type.Union([Type.String(), Type.Null()], { description: "the father's name, when the name does not show it" }),
      position: Type.Union([Type.Object({ title: Type.String(), organization: Type.String() }), Type.Null()], {
        description: 'a current position at an organisation the caller may see (focal point first)',
      }),
    },
    { description: 'what tells apart people of the same name (besides governorates)' },
  ),
});
export type SearchResult = Static<typeof SearchResultSchema>;

export const SearchResponse = Type.Object({ results: Type.Array(SearchResultSchema), tookMs: Type.Number() });
export type SearchResponseDto = Static<typeof SearchResponse>;
