import { Type, type Static } from 'typebox';
import { Uuid } from '../../http/common.schemas.js';
import { VISIBLE_TEXT_PATTERN } from '../../domain/text/clean-text.js';

const LabelText = Type.String({ minLength: 1, maxLength: 100, pattern: VISIBLE_TEXT_PATTERN });
export const LabelPair = Type.Object({ ar: LabelText, en: LabelText }, { additionalProperties: false });
const LabelOut = Type.Object({ ar: Type.String(), en: Type.String() });

export const RelationshipTypeSchema = Type.Object({
  id: Uuid,
  key: Type.String(),
  symmetric: Type.Boolean(),
  labels: Type.Object(
    {
      forward: LabelOut,
      reverse: LabelOut,
    },
    { description: 'forward reads "from <label> to", reverse reads "to <label> from"; equal for symmetric types' },
  ),
});
export type RelationshipTypeDto = Static<typeof RelationshipTypeSchema>;

export const RelationshipTypeListSchema = Type.Object({ items: Type.Array(RelationshipTypeSchema) });

export const CreateRelationshipTypeBody = Type.Object(
  {
    key: Type.String({ pattern: '^[a-z][a-z0-9_]{1,39}$', description: 'stable identifier, e.g. advises' }),
    symmetric: Type.Optional(Type.Boolean()),
    labels: Type.Object({ forward: LabelPair, reverse: Type.Optional(LabelPair) }, { additionalProperties: false }),
  },
  { additionalProperties: false },
);
export type CreateRelationshipTypeInput = Static<typeof CreateRelationshipTypeBody>;
export type RelationshipTypeListDto = Static<typeof RelationshipTypeListSchema>;
