import { isPersonKind, type ContactKind, type Gender, type OrganizationSubtype, type Sensitivity } from '$domain/contact-kinds';
import { GOVERNORATES } from '$domain/governorates';
import { normalizePhone } from '$domain/phone';
import { t } from '$lib/i18n/i18n.svelte';
import { NAME_PART_KEYS, type Contact, type ContactInput, type NameParts } from './contact';
import type { CustomFieldDef } from '$domain/custom-fields';
import { customInputsFrom, customValueErrors, fieldsFor, toCustomValues, type CustomInputs } from '$lib/custom-fields/custom-form';

type NamePartKey = (typeof NAME_PART_KEYS)[number];

/** A phone or email row; the key keeps each row's input stable while rows are added and removed. */
export interface ListRow {
  key: number;
  value: string;
  touched: boolean;
}

/** What the form edits: strings as typed, converted to a ContactInput only on submit. */
export interface ContactFormValues {
  kind: ContactKind;
  subtype: OrganizationSubtype | '';
  name: string;
  nameLatin: string;
  nameKu: string;
  nameParts: Record<NamePartKey, string>;
  gender: Gender | '';
  governorates: string[];
  phones: ListRow[];
  emails: ListRow[];
  tags: string;
  notes: string;
  sensitivity: Sensitivity;
  source: string;
  consentNote: string;
  custom: CustomInputs;
}

let nextRowKey = 0;
export function newRow(value = ''): ListRow {
  return { key: nextRowKey++, value, touched: false };
}

/** At least one row, so there is always a box to type into. */
function rowsFrom(values: string[] | undefined): ListRow[] {
  return values && values.length > 0 ? values.map((value) => newRow(value)) : [newRow()];
}

export function emptyFormValues(): ContactFormValues {
  return {
    kind: 'activist',
    subtype: '',
    name: '',
    nameLatin: '',
    nameKu: '',
    nameParts: { first: '', father: '', grandfather: '', family: '' },
    gender: '',
    governorates: [],
    phones: [newRow()],
    emails: [newRow()],
    tags: '',
    notes: '',
    sensitivity: 'normal',
    source: '',
    consentNote: '',
    custom: {},
  };
}

export function formValuesFrom(contact: Contact): ContactFormValues {
  const parts = contact.nameParts ?? {};
  return {
    kind: contact.kind,
    subtype: contact.subtype ?? '',
    name: contact.name,
    nameLatin: contact.nameLatin ?? '',
    nameKu: contact.nameKu ?? '',
    nameParts: {
      first: parts.first ?? '',
      father: parts.father ?? '',
      grandfather: parts.grandfather ?? '',
      family: parts.family ?? '',
    },
    gender: contact.gender ?? '',
    governorates: [...contact.governorates],
    phones: rowsFrom(contact.phones),
    emails: rowsFrom(contact.emails),
    tags: contact.tags.join(', '),
    notes: contact.notes ?? '',
    sensitivity: contact.sensitivity,
    source: contact.source ?? '',
    consentNote: contact.consentNote ?? '',
    custom: customInputsFrom(contact.customValues),
  };
}

const isFilled = (row: ListRow) => row.value.trim() !== '';

/**
 * Empty rows are not sent, so the server's `phones.1` is the second *filled* row:
 * this moves such paths to the row's place in the form.
 */
export function errorsOnRows(errors: Record<string, string>, values: ContactFormValues): Record<string, string> {
  const moved: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    const match = /^(phones|emails)\.(\d+)$/.exec(path);
    if (!match) {
      moved[path] = message;
      continue;
    }
    const field = match[1] as 'phones' | 'emails';
    const filledRows = values[field].map((row, index) => (isFilled(row) ? index : -1)).filter((index) => index >= 0);
    moved[`${field}.${filledRows[Number(match[2])] ?? match[2]}`] = message;
  }
  return moved;
}

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The obvious checks; the server validates everything again. Keys are field paths, rows by their place in the form. */
export function validateContactForm(values: ContactFormValues, fields: readonly CustomFieldDef[] = []): Record<string, string> {
  const errors: Record<string, string> = customValueErrors(fieldsFor(fields, values.kind, false), values.kind, values.custom);
  if (values.name.trim() === '') errors.name = t('field.required');
  if (values.kind === 'organization' && values.subtype === '') errors.subtype = t('field.required');
  if (values.governorates.length === 0) errors.governorates = t('field.governoratesRequired');
  values.phones.forEach((row, index) => {
    if (isFilled(row) && !normalizePhone(row.value).ok) errors[`phones.${index}`] = t('field.invalidPhone');
  });
  values.emails.forEach((row, index) => {
    if (isFilled(row) && !EMAIL_PATTERN.test(row.value.trim())) errors[`emails.${index}`] = t('field.invalidEmail');
  });
  return errors;
}

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

/** Tags are typed comma-separated; the Arabic comma counts too. */
function parseTags(text: string): string[] {
  const tags = text
    .split(/[,،]/)
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');
  return [...new Set(tags)];
}

function compactNameParts(parts: Record<NamePartKey, string>): NameParts | null {
  const filled: NameParts = {};
  for (const key of NAME_PART_KEYS) {
    const value = parts[key].trim();
    if (value !== '') filled[key] = value;
  }
  return Object.keys(filled).length > 0 ? filled : null;
}

const governorateOrder = new Map(GOVERNORATES.map((g, index) => [g.code, index]));

/**
 * Phones, emails, notes and restricted custom fields are left out when the account may not see them, so they are never
 * overwritten. Custom values are sent for the fields of the contact's kind.
 */
export function toContactInput(values: ContactFormValues, detailsHidden: boolean, fields: readonly CustomFieldDef[] = []): ContactInput {
  const person = isPersonKind(values.kind);
  const input: ContactInput = {
    kind: values.kind,
    subtype: values.kind === 'organization' && values.subtype !== '' ? values.subtype : null,
    name: values.name.trim(),
    nameLatin: orNull(values.nameLatin),
    nameKu: orNull(values.nameKu),
    nameParts: person ? compactNameParts(values.nameParts) : null,
    gender: person && values.gender !== '' ? values.gender : null,
    governorates: [...values.governorates].sort((a, b) => (governorateOrder.get(a) ?? 99) - (governorateOrder.get(b) ?? 99)),
    tags: parseTags(values.tags),
    sensitivity: values.sensitivity,
    source: orNull(values.source),
    consentNote: orNull(values.consentNote),
  };
  const shown = fieldsFor(fields, values.kind, detailsHidden);
  if (shown.length) input.customValues = toCustomValues(shown, values.custom);
  if (!detailsHidden) {
    input.phones = values.phones.filter(isFilled).map((row) => {
      const phone = normalizePhone(row.value);
      return phone.ok ? phone.e164 : row.value.trim();
    });
    input.emails = values.emails.filter(isFilled).map((row) => row.value.trim());
    input.notes = orNull(values.notes);
  }
  return input;
}

/** Only the fields whose value differs, for a PATCH. */
export function changedFields(before: ContactInput, after: ContactInput): Partial<ContactInput> {
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof ContactInput)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changes[key] = after[key];
  }
  return changes;
}
