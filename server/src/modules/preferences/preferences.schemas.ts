import { Type, type Static } from 'typebox';
import { CONTACT_TABLE_COLUMNS } from '../../domain/contact-list.js';
import { CUSTOM_FIELD_KEY_PATTERN } from '../../domain/custom-fields.js';
import { oneOf } from '../../db/check-rows.js';

const ContactColumns = Type.Array(oneOf(CONTACT_TABLE_COLUMNS), {
  uniqueItems: true,
  maxItems: CONTACT_TABLE_COLUMNS.length,
  description: 'the contacts table’s columns, in any order (the table shows them in its own); the name is always shown',
});
const CustomColumns = Type.Array(Type.String({ pattern: CUSTOM_FIELD_KEY_PATTERN }), {
  uniqueItems: true,
  maxItems: 100,
  description: 'custom-field columns by field key; keys of fields since removed are ignored by the table',
});

export const PreferencesSchema = Type.Object({
  contactColumns: Type.Union([ContactColumns, Type.Null()], { description: 'null: the default columns' }),
  contactCustomColumns: CustomColumns,
});
export type PreferencesDto = Static<typeof PreferencesSchema>;

export const UpdatePreferencesBody = Type.Object(
  { contactColumns: Type.Optional(Type.Union([ContactColumns, Type.Null()])), contactCustomColumns: Type.Optional(CustomColumns) },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdatePreferencesInput = Static<typeof UpdatePreferencesBody>;
