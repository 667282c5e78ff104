/**
 * The old and new value of each field a change touched, as the history shows it ("title: مدير → معاون مدير").
 * Values are kept as JSON (strings, numbers, booleans, arrays, null); dates travel as ISO strings. Pure, so the web
 * renders the same shape the server stores.
 */
export type FieldValue = string | number | boolean | null | FieldValue[] | { [key: string]: FieldValue };
export type FieldChanges = Record<string, { old: FieldValue; new: FieldValue }>;

const toJson = (value: unknown): FieldValue => {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  return JSON.parse(JSON.stringify(value)) as FieldValue;
};

const empty = (v: FieldValue) => v === null || v === '' || (Array.isArray(v) && v.length === 0);
const same = (a: FieldValue, b: FieldValue) => (empty(a) && empty(b)) || JSON.stringify(a) === JSON.stringify(b);

/** The fields of `after` whose value differs from `before` (an empty list and null count as the same: nothing). */
export function fieldChanges(
  before: object | null | undefined,
  after: object | null | undefined,
  fields?: readonly string[],
): FieldChanges {
  const from = (before ?? {}) as Record<string, unknown>;
  const to = (after ?? {}) as Record<string, unknown>;
  const keys = fields ?? [...new Set([...Object.keys(from), ...Object.keys(to)])];
  const changes: FieldChanges = {};
  for (const key of keys) {
    const old = toJson(from[key]);
    const next = toJson(to[key]);
    if (!same(old, next)) changes[key] = { old, new: next };
  }
  return changes;
}
