import type { ContactKind } from '../contact-kinds.js';
import { isCalendarDate, valueProblem, type CustomFieldDef, type CustomValue, type CustomValues } from '../custom-fields.js';
import { searchKey } from '../search/search-key.js';
import { splitList } from './value-parsers.js';

/** A spreadsheet column mapped to a custom field: `cf:<key>`. */
export type CustomMappingField = `cf:${string}`;
export const isCustomMapping = (field: string): field is CustomMappingField => field.startsWith('cf:');
export const CUSTOM_MAPPING_PATTERN = '^cf:[a-z][a-z0-9_]{1,39}$';

export interface CustomCellError {
  field: CustomMappingField;
  code: string;
  message: string;
}

const YES = new Set(['yes', 'y', 'true', '1', 'نعم', 'اي', 'ايه', 'بلى', 'صح']);
const NO = new Set(['no', 'n', 'false', '0', 'لا', 'كلا', 'خطأ']);

// Arabic-Indic and Persian digits, the Arabic decimal and thousands separators, as spreadsheets from the region hold them.
const westernDigits = (text: string) =>
  text
    .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/٫/g, '.')
    .replace(/[٬,\s]/g, '');

/** D/M/YYYY (the usual order in Iraq) or YYYY-MM-DD, as a calendar day. */
function readDate(text: string): string | null {
  const t = westernDigits(text.replace(/\s+/g, ''));
  if (isCalendarDate(t)) return t;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (!m) return null;
  const iso = `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
  return isCalendarDate(iso) ? iso : null;
}

/** An option by its value or either label, compared without case, diacritics or letter variants. */
function readOption(def: CustomFieldDef, text: string): string | null {
  const key = searchKey(text);
  return def.options.find((o) => [o.value, o.labelAr, o.labelEn].some((v) => searchKey(v) === key))?.value ?? null;
}

function readCell(def: CustomFieldDef, text: string): CustomValue | null {
  switch (def.type) {
    case 'text':
      return text.replace(/\s+/g, ' ');
    case 'long_text':
      return text;
    case 'number': {
      const n = Number(westernDigits(text));
      return Number.isFinite(n) && westernDigits(text) !== '' ? n : null;
    }
    case 'date':
      return readDate(text);
    case 'yes_no': {
      const key = searchKey(text);
      return YES.has(key) ? true : NO.has(key) ? false : null;
    }
    case 'choice':
      return readOption(def, text);
    case 'choices': {
      const values = splitList(text).map((part) => readOption(def, part));
      return values.every((v) => v !== null) ? [...new Set(values)] : null;
    }
  }
}

/**
 * The custom values of one row: each mapped cell read by its field's type. A value that does not read, or a field the
 * row's kind does not have, is an error naming the column's `cf:<key>`, reported with the row's other problems.
 */
export function readCustomCells(
  fields: readonly CustomFieldDef[],
  kind: ContactKind,
  cells: ReadonlyMap<CustomMappingField, string>,
): { values: CustomValues; errors: CustomCellError[] } {
  const values: CustomValues = {};
  const errors: CustomCellError[] = [];
  for (const [field, text] of cells) {
    const def = fields.find((f) => `cf:${f.key}` === field);
    if (!def) continue;
    if (!def.kinds.includes(kind)) {
      errors.push({ field, code: 'not_allowed', message: `${def.labelEn} is not a field of ${kind} contacts` });
      continue;
    }
    const value = readCell(def, text);
    const problem = value === null ? { message: `"${text}" does not fit ${def.labelEn} (${def.type})` } : valueProblem(def, value);
    if (problem) errors.push({ field, code: 'custom_value', message: problem.message });
    else values[def.key] = value!;
  }
  return { values, errors };
}
