import type { ContactKind } from './contact-kinds.js';
import { valueSeparator } from './format/list-format.js';
import { storedTextLanguage, type Language } from './language.js';

/**
 * Custom fields on contacts (issue 13, item 5): the vocabulary, the value rules and the filter syntax, shared by the
 * server (validation before a write, the list filter) and the web form, which shows the same errors before sending.
 */

export const CUSTOM_FIELD_TYPES = ['text', 'long_text', 'number', 'date', 'yes_no', 'choice', 'choices'] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

/** A field's stable key: the JSON key of its values, the `cf:<key>` column and the `<key>:` of a filter. */
export const CUSTOM_FIELD_KEY_PATTERN = '^[a-z][a-z0-9_]{1,39}$';
export const CHOICE_VALUE_PATTERN = '^[a-z0-9][a-z0-9_-]{0,39}$';

export const TEXT_MAX = 300;
export const LONG_TEXT_MAX = 5000;

export interface CustomFieldOption {
  value: string;
  labelAr: string;
  labelEn: string;
}

/** What validation and display need of a field definition. */
export interface CustomFieldDef {
  key: string;
  type: CustomFieldType;
  kinds: readonly ContactKind[];
  options: readonly CustomFieldOption[];
  restricted: boolean;
  labelAr: string;
  labelEn: string;
}

export type CustomValue = string | number | boolean | string[];
export type CustomValues = Record<string, CustomValue>;
/** What a write sends: null clears a field. */
export type CustomValuesInput = Record<string, CustomValue | null>;

export interface CustomValueError {
  field: string;
  code: string;
  message: string;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCalendarDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === text;
}

const hasOption = (def: CustomFieldDef, value: unknown) => typeof value === 'string' && def.options.some((o) => o.value === value);

/** The reason a value does not fit the field's type, or null when it fits. Text is checked after trimming. */
export function valueProblem(def: CustomFieldDef, value: unknown): { code: string; message: string } | null {
  switch (def.type) {
    case 'text':
    case 'long_text': {
      const max = def.type === 'text' ? TEXT_MAX : LONG_TEXT_MAX;
      if (typeof value !== 'string') return { code: 'type', message: 'must be text' };
      if (value.trim().length > max) return { code: 'too_long', message: `must be at most ${max} characters` };
      if (def.type === 'text' && /[\r\n]/.test(value)) return { code: 'type', message: 'must be one line' };
      return null;
    }
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : { code: 'type', message: 'must be a number' };
    case 'date':
      return typeof value === 'string' && isCalendarDate(value) ? null : { code: 'type', message: 'must be a date (YYYY-MM-DD)' };
    case 'yes_no':
      return typeof value === 'boolean' ? null : { code: 'type', message: 'must be true or false' };
    case 'choice':
      return hasOption(def, value) ? null : { code: 'option', message: 'must be one of the listed options' };
    case 'choices':
      if (!Array.isArray(value) || !value.every((v) => hasOption(def, v))) {
        return { code: 'option', message: 'must be a list of the listed options' };
      }
      return new Set(value).size === value.length ? null : { code: 'option', message: 'lists an option twice' };
  }
}

/**
 * Checks the values a write sends against the fields of the contact's kind: an unknown key, a field of another kind
 * or a value of the wrong type is an error naming `customValues.<key>`. Returns the errors and the values to store
 * (text trimmed, empty text and empty lists as a cleared field).
 */
export function validateCustomValues(
  fields: readonly CustomFieldDef[],
  kind: ContactKind,
  values: Record<string, unknown>,
): { errors: CustomValueError[]; cleaned: CustomValuesInput } {
  const errors: CustomValueError[] = [];
  const cleaned: CustomValuesInput = {};
  for (const [key, raw] of Object.entries(values)) {
    const field = `customValues.${key}`;
    const def = fields.find((f) => f.key === key);
    if (!def) {
      errors.push({ field, code: 'unknown', message: 'is not a custom field' });
      continue;
    }
    if (raw === null) {
      cleaned[key] = null;
      continue;
    }
    if (!def.kinds.includes(kind)) {
      errors.push({ field, code: 'not_allowed', message: `is not a field of ${kind} contacts` });
      continue;
    }
    const problem = valueProblem(def, raw);
    if (problem) {
      errors.push({ field, ...problem });
      continue;
    }
    const value = (typeof raw === 'string' ? raw.trim() : raw) as CustomValue;
    cleaned[key] = value === '' || (Array.isArray(value) && value.length === 0) ? null : value;
  }
  return { errors, cleaned };
}

/** The stored values after a write: cleared keys removed, every other key (archived fields' too) kept. */
export function mergeCustomValues(current: CustomValues, changes: CustomValuesInput): CustomValues {
  const next: CustomValues = { ...current };
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) delete next[key];
    else next[key] = value;
  }
  return next;
}

/**
 * The list filter on custom fields, one string per condition so the URL can repeat it and a segment can store it:
 * `<key>:<op>:<value>`. Ops: `is` (yes/no: true or false), `any` (choice or choices: options joined by `|`),
 * `min` / `max` (number or date, inclusive), `has` (text or long text contains).
 */
export const CUSTOM_FILTER_OPS = ['is', 'any', 'min', 'max', 'has'] as const;
export type CustomFilterOp = (typeof CUSTOM_FILTER_OPS)[number];
export const CUSTOM_FILTER_PATTERN = '^[a-z][a-z0-9_]{1,39}:(is|any|min|max|has):.+$';

const OPS_BY_TYPE: Record<CustomFieldType, readonly CustomFilterOp[]> = {
  text: ['has'],
  long_text: ['has'],
  number: ['min', 'max'],
  date: ['min', 'max'],
  yes_no: ['is'],
  choice: ['any'],
  choices: ['any'],
};

export const filterOpsOf = (type: CustomFieldType) => OPS_BY_TYPE[type];

export type CustomCondition =
  | { key: string; type: CustomFieldType; op: 'is'; value: boolean }
  | { key: string; type: CustomFieldType; op: 'any'; values: string[] }
  | { key: string; type: 'number'; op: 'min' | 'max'; value: number }
  | { key: string; type: 'date'; op: 'min' | 'max'; value: string }
  | { key: string; type: CustomFieldType; op: 'has'; value: string };

export const customFilterText = (key: string, op: CustomFilterOp, value: string) => `${key}:${op}:${value}`;

/** One filter string read against the fields, or the reason it cannot be used. */
export function parseCustomFilter(
  fields: readonly CustomFieldDef[],
  text: string,
): { condition: CustomCondition; restricted: boolean } | { error: string } {
  const [key, op, ...rest] = text.split(':');
  const value = rest.join(':');
  const def = fields.find((f) => f.key === key);
  if (!def) return { error: `"${key}" is not a custom field` };
  if (!(OPS_BY_TYPE[def.type] as readonly string[]).includes(op)) return { error: `"${op}" does not apply to a ${def.type} field` };
  const restricted = def.restricted;
  if (op === 'is') {
    if (value !== 'true' && value !== 'false') return { error: 'is takes true or false' };
    return { condition: { key, type: def.type, op, value: value === 'true' }, restricted };
  }
  if (op === 'any') {
    const values = value.split('|');
    if (!values.every((v) => hasOption(def, v))) return { error: 'any takes options of the field, joined by |' };
    return { condition: { key, type: def.type, op, values }, restricted };
  }
  if (op === 'has') return { condition: { key, type: def.type, op, value }, restricted };
  if (def.type === 'number') {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n)) return { error: `${op} takes a number` };
    return { condition: { key, type: 'number', op: op as 'min' | 'max', value: n }, restricted };
  }
  if (!isCalendarDate(value)) return { error: `${op} takes a date (YYYY-MM-DD)` };
  return { condition: { key, type: 'date', op: op as 'min' | 'max', value }, restricted };
}

const YES_NO: Record<Language, readonly [string, string]> = { ar: ['نعم', 'لا'], en: ['yes', 'no'], ku: ['بەڵێ', 'نەخێر'] };

/**
 * A value as text for a table cell or an export, in the given language (options by their label; options are labelled
 * in Arabic and English only, so Kurdish shows the Arabic label).
 */
export function formatCustomValue(def: CustomFieldDef, value: CustomValue | undefined, lang: Language): string {
  if (value === undefined) return '';
  const labelLanguage = storedTextLanguage(lang);
  const label = (v: string) => {
    const option = def.options.find((o) => o.value === v);
    return option ? (labelLanguage === 'ar' ? option.labelAr : option.labelEn) : v;
  };
  if (def.type === 'yes_no') return YES_NO[lang][value ? 0 : 1];
  if (def.type === 'choice' && typeof value === 'string') return label(value);
  if (Array.isArray(value)) return value.map(label).join(valueSeparator(lang));
  return String(value);
}
