import { formatPhone } from '$domain/phone';
import type { Contact } from '$lib/contacts/contact';
import { t, type MessageKey } from '$lib/i18n/i18n.svelte';
import { genderLabel, governorateList, kindLabel, sensitivityLabel, subtypeLabel } from '$lib/i18n/labels';
import { NAME_PART_KEYS } from '$lib/contacts/contact';
import { MERGE_FIELDS, type MergeField, type MergeInput } from './types';

export const FIELD_LABELS: Record<MergeField, MessageKey> = {
  name: 'contact.name',
  nameLatin: 'contact.nameLatin',
  nameKu: 'contact.nameKu',
  nameParts: 'contact.nameParts',
  kind: 'contact.kind',
  subtype: 'contact.subtype',
  gender: 'contact.gender',
  notes: 'contact.notes',
  sensitivity: 'contact.sensitivity',
  source: 'contact.source',
  consentNote: 'contact.consentNote',
};

export const UNITED_FIELDS = ['phones', 'emails', 'tags', 'governorates'] as const;
export type UnitedField = (typeof UNITED_FIELDS)[number];

export const UNITED_LABELS: Record<UnitedField, MessageKey> = {
  phones: 'contact.phones',
  emails: 'contact.emails',
  tags: 'contact.tags',
  governorates: 'contact.governorates',
};

/** A field's value as shown in the merge table; null when empty (nothing to keep). */
export function displayValue(contact: Contact, field: MergeField): string | null {
  switch (field) {
    case 'kind':
      return kindLabel(contact.kind);
    case 'subtype':
      return contact.subtype ? subtypeLabel(contact.subtype) : null;
    case 'gender':
      return contact.gender ? genderLabel(contact.gender) : null;
    case 'sensitivity':
      return sensitivityLabel(contact.sensitivity);
    case 'nameParts': {
      const parts = NAME_PART_KEYS.map((key) => contact.nameParts?.[key]).filter((part) => part);
      return parts.length > 0 ? parts.join(' · ') : null;
    }
    case 'notes':
      if (contact.detailsHidden) return t('imports.merge.hidden');
      return contact.notes?.trim() ? contact.notes : null;
    default: {
      const value = contact[field];
      return value && value.trim() ? value : null;
    }
  }
}

export function unitedValues(contact: Contact, field: UnitedField): string[] {
  if (field === 'governorates') return contact.governorates.length > 0 ? [governorateList(contact.governorates)] : [];
  if (field === 'phones') return (contact.phones ?? []).map(formatPhone);
  return contact[field] ?? [];
}

/**
 * Fields whose values differ between the contacts: only there is a choice to make. Sensitivity is no choice:
 * the survivor is restricted as soon as one of them is.
 */
export function fieldsToChoose(contacts: Contact[]): MergeField[] {
  return MERGE_FIELDS.filter(
    (field) => field !== 'sensitivity' && new Set(contacts.map((c) => JSON.stringify(displayValue(c, field)))).size > 1,
  );
}

export type MergePicks = Partial<Record<MergeField, string>>;

/**
 * Whose value a field keeps: the user's pick, else the server's default — the survivor's name, the subtype of whoever
 * gives the kind, otherwise the survivor's value or the first non-empty among the others.
 */
export function pickedSource(contacts: Contact[], survivorId: string, picks: MergePicks, field: MergeField): string {
  const picked = picks[field];
  if (picked) return picked;
  if (field === 'name') return survivorId;
  if (field === 'subtype') return pickedSource(contacts, survivorId, picks, 'kind');
  const survivor = contacts.find((c) => c.id === survivorId);
  if (survivor && displayValue(survivor, field) !== null) return survivorId;
  return contacts.find((c) => c.id !== survivorId && displayValue(c, field) !== null)?.id ?? survivorId;
}

export function mergeInput(contacts: Contact[], survivorId: string, picks: MergePicks): MergeInput {
  const fields: MergePicks = {};
  for (const field of fieldsToChoose(contacts)) fields[field] = pickedSource(contacts, survivorId, picks, field);
  return {
    survivorId,
    mergedIds: contacts.filter((c) => c.id !== survivorId).map((c) => c.id),
    fields,
    versions: Object.fromEntries(contacts.map((c) => [c.id, c.version])),
  };
}
