import { isPersonKind, type ContactKind, type Gender, type OrganizationSubtype } from '../contact-kinds.js';
import { closestGovernorate } from '../governorate-aliases.js';
import { stripBidiControls } from '../text/clean-text.js';
import type { ImportField } from './import-fields.js';
import type { CustomFieldDef, CustomValues } from '../custom-fields.js';
import { isCustomMapping, readCustomCells, type CustomMappingField } from './custom-cells.js';

/** What a column maps to: a contact field, or a custom field (`cf:<key>`). */
export type MappingField = ImportField | CustomMappingField;
import { parseEmails, parseGender, parseGovernorates, parseKind, parsePhones, parseSubtype, splitList } from './value-parsers.js';

export interface ImportDefaults {
  kind?: ContactKind;
  subtype?: OrganizationSubtype;
  governorates?: string[];
}

/** A row read through the mapping: the contact it describes, in the API's input shape, plus its organisation. */
export interface ImportDraft {
  kind: ContactKind;
  subtype: OrganizationSubtype | null;
  name: string;
  nameLatin: string | null;
  nameKu: string | null;
  nameParts: { first?: string; father?: string; grandfather?: string; family?: string } | null;
  gender: Gender | null;
  governorates: string[];
  phones: string[];
  emails: string[];
  tags: string[];
  notes: string | null;
  source: string | null;
  /** Name of the organisation the person works for: matched to an existing one or created. */
  organization: string | null;
  title: string | null;
  /** Custom field values read from `cf:<key>` columns; absent on previews made before custom fields. */
  customValues?: CustomValues;
}

export interface RowError {
  field: MappingField;
  code: string;
  message: string;
  /** unknown_governorate: the code of the governorate the value most likely meant. */
  suggestion?: string;
}

export type RowReading = { ok: true; draft: ImportDraft } | { ok: false; name: string | null; errors: RowError[] };

const LIMITS: Partial<Record<ImportField, number>> = {
  name: 300,
  nameLatin: 300,
  nameKu: 300,
  nameFirst: 100,
  nameFather: 100,
  nameGrandfather: 100,
  nameFamily: 100,
  notes: 5000,
  source: 300,
  organization: 300,
  title: 200,
};

const clean = (text: string) => text.replace(/\s+/g, ' ').trim();

/** True when every cell is empty or whitespace: the row is skipped and counted, not reported as invalid. */
export const isBlankRow = (cells: readonly string[]) => cells.every((cell) => cell.trim() === '');

/**
 * Reads one row through the column mapping. Every problem is reported per field (unknown governorate, bad phone,
 * missing name …) rather than stopping at the first, so the preview can show them all.
 */
export function readRow(
  cells: readonly string[],
  mapping: readonly MappingField[],
  defaults: ImportDefaults = {},
  customFields: readonly CustomFieldDef[] = [],
): RowReading {
  const errors: RowError[] = [];
  const single = new Map<ImportField, string>();
  const multi = new Map<ImportField, string[]>();
  const custom = new Map<CustomMappingField, string>();
  mapping.forEach((field, column) => {
    // Direction controls go before anything reads the cell, as they do from the API's input (text/clean-text.ts).
    const value = stripBidiControls(cells[column] ?? '', { keepMarks: field === 'notes' || isCustomMapping(field) }).trim();
    if (field === 'ignore' || value === '') return;
    if (isCustomMapping(field)) {
      if (!custom.has(field)) custom.set(field, value);
      return;
    }
    if (field === 'governorates' || field === 'phones' || field === 'emails' || field === 'tags') {
      multi.set(field, [...(multi.get(field) ?? []), value]);
    } else if (!single.has(field)) single.set(field, field === 'notes' ? value : clean(value));
  });
  for (const [field, limit] of Object.entries(LIMITS) as [ImportField, number][]) {
    if ((single.get(field)?.length ?? 0) > limit) {
      errors.push({ field, code: 'too_long', message: `is longer than ${limit} characters` });
    }
  }

  const parts = {
    ...(single.get('nameFirst') ? { first: single.get('nameFirst')! } : {}),
    ...(single.get('nameFather') ? { father: single.get('nameFather')! } : {}),
    ...(single.get('nameGrandfather') ? { grandfather: single.get('nameGrandfather')! } : {}),
    ...(single.get('nameFamily') ? { family: single.get('nameFamily')! } : {}),
  };
  const name = single.get('name') ?? (clean(Object.values(parts).join(' ')) || null);
  if (!name) errors.push({ field: 'name', code: 'required', message: 'the row has no name' });

  let kind = defaults.kind ?? 'activist';
  const kindText = single.get('kind');
  if (kindText) {
    const parsed = parseKind(kindText);
    if (parsed) kind = parsed;
    else errors.push({ field: 'kind', code: 'unknown_kind', message: `"${kindText}" is not a known contact kind` });
  }
  let subtype: OrganizationSubtype | null = null;
  const subtypeText = single.get('subtype');
  if (kind === 'organization') {
    subtype = defaults.subtype ?? 'other';
    if (subtypeText) {
      const parsed = parseSubtype(subtypeText);
      if (parsed) subtype = parsed;
      else errors.push({ field: 'subtype', code: 'unknown_subtype', message: `"${subtypeText}" is not a known organisation type` });
    }
  }
  const person = isPersonKind(kind);
  let gender: Gender | null = null;
  const genderText = single.get('gender');
  if (person && genderText) {
    gender = parseGender(genderText);
    if (!gender) errors.push({ field: 'gender', code: 'unknown_gender', message: `"${genderText}" is not a known gender` });
  }

  const governorates: string[] = [];
  for (const text of multi.get('governorates') ?? []) {
    const { codes, unknown } = parseGovernorates(text);
    for (const code of codes) if (!governorates.includes(code)) governorates.push(code);
    for (const u of unknown) {
      const closest = closestGovernorate(u);
      errors.push(
        closest
          ? {
              field: 'governorates',
              code: 'unknown_governorate',
              message: `"${u}" is not a governorate; did you mean ${closest.nameEn} (${closest.nameAr})?`,
              suggestion: closest.code,
            }
          : { field: 'governorates', code: 'unknown_governorate', message: `"${u}" is not a governorate` },
      );
    }
  }
  if (governorates.length === 0) governorates.push(...(defaults.governorates ?? []));
  if (governorates.length === 0 && !errors.some((e) => e.field === 'governorates')) {
    errors.push({ field: 'governorates', code: 'required', message: 'the row has no governorate' });
  }

  const phones: string[] = [];
  for (const text of multi.get('phones') ?? []) {
    const parsed = parsePhones(text);
    for (const p of parsed.phones) if (!phones.includes(p)) phones.push(p);
    for (const bad of parsed.invalid) errors.push({ field: 'phones', code: 'bad_phone', message: `"${bad}" is not a valid phone number` });
  }
  const emails: string[] = [];
  for (const text of multi.get('emails') ?? []) {
    const parsed = parseEmails(text);
    for (const e of parsed.emails) if (!emails.includes(e)) emails.push(e);
    for (const bad of parsed.invalid) errors.push({ field: 'emails', code: 'bad_email', message: `"${bad}" is not a valid email address` });
  }
  const tags = [...new Set((multi.get('tags') ?? []).flatMap(splitList).map(clean))].slice(0, 30);
  if (phones.length > 10) errors.push({ field: 'phones', code: 'too_many', message: 'more than 10 phone numbers' });
  if (emails.length > 10) errors.push({ field: 'emails', code: 'too_many', message: 'more than 10 email addresses' });

  const customCells = readCustomCells(customFields, kind, custom);
  errors.push(...customCells.errors);

  if (errors.length) return { ok: false, name, errors };
  return {
    ok: true,
    draft: {
      kind,
      subtype,
      name: name!,
      nameLatin: single.get('nameLatin') ?? null,
      nameKu: single.get('nameKu') ?? null,
      nameParts: person && Object.keys(parts).length ? parts : null,
      gender,
      governorates,
      phones,
      emails,
      tags: tags.filter((t) => t.length <= 60),
      notes: single.get('notes') ?? null,
      source: single.get('source') ?? null,
      organization: single.get('organization') ?? null,
      title: single.get('title') ?? null,
      customValues: customCells.values,
    },
  };
}
