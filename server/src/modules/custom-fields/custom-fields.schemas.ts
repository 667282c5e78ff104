import { Type, type Static } from 'typebox';
import { DateTime, Uuid, Version, literalUnion } from '../../http/common.schemas.js';
import { CONTACT_KINDS } from '../../domain/contact-kinds.js';
import { CHOICE_VALUE_PATTERN, CUSTOM_FIELD_KEY_PATTERN, CUSTOM_FIELD_TYPES } from '../../domain/custom-fields.js';
import { VISIBLE_TEXT_PATTERN } from '../../domain/text/clean-text.js';

const Label = Type.String({ minLength: 1, maxLength: 100, pattern: VISIBLE_TEXT_PATTERN });
const Kinds = Type.Array(literalUnion(CONTACT_KINDS), { minItems: 1, maxItems: CONTACT_KINDS.length, uniqueItems: true });

export const CustomFieldOptionSchema = Type.Object(
  { value: Type.String({ pattern: CHOICE_VALUE_PATTERN }), labelAr: Label, labelEn: Label },
  { additionalProperties: false },
);
const Options = Type.Array(CustomFieldOptionSchema, { maxItems: 100 });

export const CustomFieldSchema = Type.Object({
  id: Uuid,
  key: Type.String(),
  type: literalUnion(CUSTOM_FIELD_TYPES),
  kinds: Type.Array(literalUnion(CONTACT_KINDS)),
  labelAr: Type.String(),
  labelEn: Type.String(),
  options: Type.Array(Type.Object({ value: Type.String(), labelAr: Type.String(), labelEn: Type.String() })),
  restricted: Type.Boolean({ description: "withheld like phones: a restricted contact's value is hidden from staff and viewers" }),
  position: Type.Integer(),
  archived: Type.Boolean({ description: 'archived fields are hidden; their values stay until purged' }),
  createdAt: DateTime,
  updatedAt: DateTime,
  version: Type.Integer(),
});
export type CustomFieldDto = Static<typeof CustomFieldSchema>;

export const CustomFieldListSchema = Type.Object({ items: Type.Array(CustomFieldSchema) });
export type CustomFieldListDto = Static<typeof CustomFieldListSchema>;

export const ListCustomFieldsQuery = Type.Object(
  { archived: Type.Optional(Type.Boolean({ description: 'include archived fields (administrators only see them)' })) },
  { additionalProperties: false },
);

export const CreateCustomFieldBody = Type.Object(
  {
    key: Type.String({ pattern: CUSTOM_FIELD_KEY_PATTERN, description: 'stable identifier, e.g. sector' }),
    type: literalUnion(CUSTOM_FIELD_TYPES),
    kinds: Kinds,
    labelAr: Label,
    labelEn: Label,
    options: Type.Optional(Options),
    restricted: Type.Optional(Type.Boolean()),
    position: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })),
  },
  { additionalProperties: false },
);
export type CreateCustomFieldInput = Static<typeof CreateCustomFieldBody>;

/** The key and type are fixed once created: stored values and saved filters rely on them. */
export const UpdateCustomFieldBody = Type.Object(
  {
    version: Version,
    kinds: Type.Optional(Kinds),
    labelAr: Type.Optional(Label),
    labelEn: Type.Optional(Label),
    options: Type.Optional(Options),
    restricted: Type.Optional(Type.Boolean()),
    position: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })),
    archived: Type.Optional(Type.Boolean({ description: 'false brings an archived field back with its values' })),
  },
  { additionalProperties: false },
);
export type UpdateCustomFieldInput = Static<typeof UpdateCustomFieldBody>;

export const VersionQuery = Type.Object({ version: Version }, { additionalProperties: false });

export const PurgeResultSchema = Type.Object({ contactsCleared: Type.Integer() });
