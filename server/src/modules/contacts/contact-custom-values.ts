import type { ContactKind } from '../../domain/contact-kinds.js';
import { mergeCustomValues, validateCustomValues, type CustomFieldDef, type CustomValues } from '../../domain/custom-fields.js';
import { fieldChanges, type FieldChanges } from '../../domain/history/field-changes.js';
import { invalid } from '../../errors.js';

/**
 * The custom values a contact write stores: the sent values checked against the fields of the contact's kind
 * (400 naming customValues.<key>) and merged over the stored ones. A kind change drops the values of fields in use that
 * the new kind does not have; archived fields' values stay until their purge.
 */
export function nextCustomValues(
  fields: readonly CustomFieldDef[],
  kind: ContactKind,
  current: CustomValues,
  input: Record<string, unknown> | undefined,
): CustomValues {
  const { errors, cleaned } = validateCustomValues(fields, kind, input ?? {});
  if (errors.length) throw invalid(errors);
  const merged = mergeCustomValues(current, cleaned);
  for (const f of fields) if (!f.kinds.includes(kind)) delete merged[f.key];
  return merged;
}

/** Custom value changes for the record's history, as `custom.<key>` fields. */
export function customValueChanges(before: CustomValues, after: CustomValues): FieldChanges {
  const prefix = (values: CustomValues) => Object.fromEntries(Object.entries(values).map(([k, v]) => [`custom.${k}`, v]));
  return fieldChanges(prefix(before), prefix(after));
}

/** True when the write sends a value for one of these keys. */
export const writesAny = (input: Record<string, unknown> | undefined, keys: readonly string[]) =>
  input !== undefined && keys.some((k) => k in input);
