import type { CustomFieldDef } from '$domain/custom-fields';
import { fieldLabel } from '$lib/custom-fields/custom-value-text';
import { t, type MessageKey } from '$lib/i18n/i18n.svelte';

const FIELD_LABELS: Record<string, MessageKey> = {
  kind: 'contact.kind',
  subtype: 'contact.subtype',
  name: 'contact.name',
  nameLatin: 'contact.nameLatin',
  nameKu: 'contact.nameKu',
  nameParts: 'contact.nameParts',
  'nameParts.first': 'contact.nameParts.first',
  'nameParts.father': 'contact.nameParts.father',
  'nameParts.grandfather': 'contact.nameParts.grandfather',
  'nameParts.family': 'contact.nameParts.family',
  gender: 'contact.gender',
  governorates: 'contact.governorates',
  phones: 'contact.phones',
  emails: 'contact.emails',
  tags: 'contact.tags',
  notes: 'contact.notes',
  sensitivity: 'contact.sensitivity',
  source: 'contact.source',
  consentNote: 'contact.consentNote',
};

/** The words an error summary uses for a form field path (`phones.1`, `customValues.sector`). */
export function contactFieldLabel(field: string, customFields: readonly CustomFieldDef[]): string {
  const [head, index] = field.split('.');
  if (head === 'phones' && index !== undefined) return t('contact.phone', { n: Number(index) + 1 });
  if (head === 'emails' && index !== undefined) return t('contact.email', { n: Number(index) + 1 });
  const custom = head === 'customValues' ? customFields.find((f) => f.key === index) : undefined;
  if (custom) return fieldLabel(custom);
  const key = FIELD_LABELS[field] ?? FIELD_LABELS[head];
  return key ? t(key) : field;
}
