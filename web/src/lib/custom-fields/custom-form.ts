import type { ContactKind } from '$domain/contact-kinds';
import { validateCustomValues, type CustomFieldDef, type CustomValue, type CustomValues } from '$domain/custom-fields';
import { t } from '$lib/i18n/i18n.svelte';

/** What the form edits per field: text as typed, yes/no as '' | 'true' | 'false', several choices as a list. */
export type CustomInputs = Record<string, string | string[]>;

export function customInputsFrom(values: CustomValues): CustomInputs {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, Array.isArray(value) ? [...value] : String(value)]));
}

/** The fields the form shows for this kind; a restricted field is left out when the account may not see its value. */
export const fieldsFor = (fields: readonly CustomFieldDef[], kind: ContactKind, detailsHidden: boolean) =>
  fields.filter((f) => f.kinds.includes(kind) && !(detailsHidden && f.restricted));

function valueOf(field: CustomFieldDef, input: string | string[] | undefined): CustomValue | null {
  if (input === undefined) return null;
  if (Array.isArray(input)) return input.length ? input : null;
  const text = input.trim();
  if (text === '') return null;
  if (field.type === 'yes_no') return text === 'true';
  // A number that does not read stays text, so validation names it.
  if (field.type === 'number') return Number.isFinite(Number(text)) ? Number(text) : text;
  return field.type === 'long_text' ? input.trim() : text;
}

/** The values to send: every shown field, an empty one as null so an edit clears it. */
export function toCustomValues(fields: readonly CustomFieldDef[], inputs: CustomInputs): Record<string, CustomValue | null> {
  return Object.fromEntries(fields.map((f) => [f.key, valueOf(f, inputs[f.key])]));
}

/** The domain's checks, as form errors keyed `customValues.<key>` like the server's. */
export function customValueErrors(fields: readonly CustomFieldDef[], kind: ContactKind, inputs: CustomInputs): Record<string, string> {
  const values = Object.fromEntries(Object.entries(toCustomValues(fields, inputs)).filter(([, v]) => v !== null));
  const { errors } = validateCustomValues(fields, kind, values);
  return Object.fromEntries(
    errors.map((e) => {
      const field = fields.find((f) => `customValues.${f.key}` === e.field);
      return [e.field, field?.type === 'number' ? t('customFields.invalidNumber') : t('customFields.invalidValue')];
    }),
  );
}
