import { Type, type Static } from 'typebox';
import { DateTime, Email, GovernorateCode, Uuid, Version, literalUnion } from '../../http/common.schemas.js';
import { DateOnly } from '../../http/dates.js';
import { CONTACT_KINDS, GENDERS, ORGANIZATION_SUBTYPES, SENSITIVITIES } from '../../domain/contact-kinds.js';
import { VISIBLE_TEXT_PATTERN } from '../../domain/text/clean-text.js';
import { CUSTOM_FIELD_KEY_PATTERN, LONG_TEXT_MAX } from '../../domain/custom-fields.js';

const Kind = literalUnion(CONTACT_KINDS);
const Subtype = literalUnion(ORGANIZATION_SUBTYPES);
const Sensitivity = literalUnion(SENSITIVITIES);
const Gender = literalUnion(GENDERS);
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Text = (maxLength: number) => Type.String({ maxLength });
const NamePart = Type.String({ minLength: 1, maxLength: 100 });

export const NamePartsSchema = Type.Object(
  {
    first: Type.Optional(NamePart),
    father: Type.Optional(NamePart),
    grandfather: Type.Optional(NamePart),
    family: Type.Optional(NamePart),
  },
  { additionalProperties: false },
);

const CustomValue = Type.Union([
  Type.String({ maxLength: LONG_TEXT_MAX }),
  Type.Number(),
  Type.Boolean(),
  Type.Array(Type.String({ maxLength: 40 }), { maxItems: 100 }),
]);
/**
 * Values by field key. Each value is checked against its field's type by the service (400 naming customValues.<key>),
 * not here: the schema validator coerces types, which would turn `false` into "false" for a text field.
 */
const CustomValuesInput = Type.Record(Type.String({ pattern: CUSTOM_FIELD_KEY_PATTERN }), Type.Unknown(), {
  description: 'custom field values by key: text, number, true/false, YYYY-MM-DD, an option, a list of options; null clears one',
});

const editableFields = {
  customValues: Type.Optional(CustomValuesInput),
  subtype: Type.Optional(Nullable(Subtype)),
  nameLatin: Type.Optional(Nullable(Text(300))),
  nameKu: Type.Optional(Nullable(Text(300))),
  nameParts: Type.Optional(Nullable(NamePartsSchema)),
  gender: Type.Optional(Nullable(Gender)),
  phones: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 10 })),
  emails: Type.Optional(Type.Array(Email, { maxItems: 10 })),
  tags: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { maxItems: 30 })),
  notes: Type.Optional(Nullable(Text(5000))),
  sensitivity: Type.Optional(Sensitivity),
  source: Type.Optional(Nullable(Text(300))),
  consentNote: Type.Optional(Nullable(Text(1000))),
};
const Name = Type.String({ minLength: 1, maxLength: 300, pattern: VISIBLE_TEXT_PATTERN });
const Governorates = Type.Array(GovernorateCode, { minItems: 1, maxItems: 19, uniqueItems: true });

export const CreateContactBody = Type.Object(
  { kind: Kind, name: Name, governorates: Governorates, ...editableFields },
  { additionalProperties: false },
);
export type CreateContactInput = Static<typeof CreateContactBody>;

export const UpdateContactBody = Type.Object(
  {
    version: Version,
    kind: Type.Optional(Kind),
    name: Type.Optional(Name),
    governorates: Type.Optional(Governorates),
    ...editableFields,
  },
  { additionalProperties: false },
);
export type UpdateContactInput = Static<typeof UpdateContactBody>;

export const ContactSchema = Type.Object({
  id: Uuid,
  kind: Kind,
  subtype: Nullable(Subtype),
  name: Type.String(),
  nameLatin: Nullable(Type.String()),
  nameKu: Nullable(Type.String()),
  nameParts: Nullable(NamePartsSchema),
  gender: Nullable(Gender),
  governorates: Type.Array(Type.String()),
  phones: Type.Optional(Type.Array(Type.String())),
  emails: Type.Optional(Type.Array(Type.String())),
  notes: Type.Optional(Nullable(Type.String())),
  detailsHidden: Type.Boolean({ description: 'true when phones, emails and notes were withheld from this caller' }),
  focalPointWithoutPosition: Type.Boolean({ description: 'a government focal point with no current position' }),
  tags: Type.Array(Type.String()),
  sensitivity: Sensitivity,
  source: Nullable(Type.String()),
  consentNote: Nullable(Type.String()),
  customValues: Type.Record(Type.String(), CustomValue, {
    description: "values of the fields in use; a restricted field's value is withheld when phones are",
  }),
  createdAt: DateTime,
  updatedAt: DateTime,
  version: Type.Integer(),
});
export type ContactDto = Static<typeof ContactSchema>;

/** Bounds of the creation-date filter: whole UTC days, both inclusive, as the dashboard counts new contacts per month. */
export const CreatedDay = Type.String({ ...DateOnly, description: 'UTC calendar day, inclusive' });

export const DeleteContactQuery = Type.Object({ version: Type.Optional(Version) }, { additionalProperties: false });
