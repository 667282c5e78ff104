import { isPersonKind } from '../../domain/contact-kinds.js';
import { normalizePhone } from '../../domain/phone.js';
import { stripBidiControls } from '../../domain/text/clean-text.js';
import { invalid, type FieldError } from '../../errors.js';
import type { ContactValues } from './contacts.repository.js';
import type { CreateContactInput } from './contacts.schemas.js';

export type ContactDraft = CreateContactInput;

// Direction controls are stripped from every text (see domain/text/clean-text.ts); multi-line text keeps the marks.
const clean = (text: string | null | undefined) => {
  const trimmed = text == null ? '' : stripBidiControls(text).replace(/\s+/g, ' ').trim();
  return trimmed ? trimmed : null;
};
const cleanBlock = (text: string | null | undefined) => {
  const trimmed = text == null ? '' : stripBidiControls(text, { keepMarks: true }).trim();
  return trimmed ? trimmed : null;
};
const unique = (values: string[]) => [...new Set(values)];

/**
 * Checks the rules that span fields (the JSON schema checks each field alone) and brings the draft
 * to its stored form: phones in E.164, emails lower-case, names and tags trimmed and without direction controls,
 * duplicates dropped.
 */
export function toContactValues(draft: ContactDraft): ContactValues {
  const errors: FieldError[] = [];
  const kind = draft.kind;
  const person = isPersonKind(kind);

  if (kind === 'organization' && !draft.subtype) {
    errors.push({ field: 'subtype', code: 'required', message: 'an organisation needs a subtype' });
  }
  if (kind !== 'organization' && draft.subtype) {
    errors.push({ field: 'subtype', code: 'not_allowed', message: 'only organisations have a subtype' });
  }
  if (!person && draft.nameParts && Object.values(draft.nameParts).some(Boolean)) {
    errors.push({ field: 'nameParts', code: 'not_allowed', message: 'name parts are for people only' });
  }
  if (!person && draft.gender) {
    errors.push({ field: 'gender', code: 'not_allowed', message: 'gender is for people only' });
  }
  const phones: string[] = [];
  (draft.phones ?? []).forEach((raw, i) => {
    const result = normalizePhone(raw);
    if (result.ok) phones.push(result.e164);
    else errors.push({ field: `phones.${i}`, code: 'phone', message: 'is not a valid phone number' });
  });
  const name = clean(draft.name);
  if (!name) errors.push({ field: 'name', code: 'required', message: 'has no visible characters' });
  if (errors.length) throw invalid(errors);

  const parts = person ? draft.nameParts : null;
  return {
    kind,
    subtype: kind === 'organization' ? (draft.subtype ?? null) : null,
    name: name!,
    name_latin: clean(draft.nameLatin),
    name_ku: clean(draft.nameKu),
    name_first: clean(parts?.first),
    name_father: clean(parts?.father),
    name_grandfather: clean(parts?.grandfather),
    name_family: clean(parts?.family),
    gender: person ? (draft.gender ?? null) : null,
    phones: unique(phones),
    emails: unique((draft.emails ?? []).map((e) => e.trim().toLowerCase())),
    tags: unique((draft.tags ?? []).map((t) => clean(t)).filter((t): t is string => t !== null)),
    notes: cleanBlock(draft.notes),
    sensitivity: draft.sensitivity ?? 'normal',
    source: clean(draft.source),
    consent_note: cleanBlock(draft.consentNote),
  };
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Names of the stored columns whose value differs, for the audit log (names only, never values). */
export function changedColumns(before: ContactValues, after: ContactValues): (keyof ContactValues)[] {
  return (Object.keys(after) as (keyof ContactValues)[]).filter((k) => !sameValue(before[k], after[k]));
}

/** Names of the columns a new contact fills, for the audit log of a creation. */
export function filledColumns(values: ContactValues): (keyof ContactValues)[] {
  return (Object.keys(values) as (keyof ContactValues)[]).filter((k) => {
    const v = values[k];
    return v !== null && !(Array.isArray(v) && v.length === 0);
  });
}
