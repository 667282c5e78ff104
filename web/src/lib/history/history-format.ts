import { valueSeparator } from '$domain/format/list-format';
import type { FieldValue, HistoryEntryDto } from '$api';
import { GENDERS, ORGANIZATION_SUBTYPES, SENSITIVITIES } from '$domain/contact-kinds';
import { INVITATION_ROLES, INVITATION_STATUSES } from '$domain/events/vocabulary';
import { INTERACTION_KINDS } from '$domain/interaction-kinds';
import { formatPhone } from '$domain/phone';
import { eventTypeLabelOf, invitationRoleLabel, invitationStatusLabel } from '$lib/events/event-labels';
import { i18n, isMessageKey, t } from '$lib/i18n/i18n.svelte';
import { formatDateTime, genderLabel, governorateList, kindLabelOf, sensitivityLabel, subtypeLabel } from '$lib/i18n/labels';

/** Turns a history entry's stored values into what a reader understands: labels for codes, local dates, spaced phones. */

const has = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);

/** The message when the app has one, else the raw name (a field or action added later still shows). */
const labelOr = (key: string, fallback: string) => (isMessageKey(key) ? t(key) : fallback);

export const actionLabel = (action: string) => labelOr(`history.action.${action}`, action);
export const entityLabel = (type: string) => labelOr(`history.entity.${type}`, type);
export const fieldLabel = (field: string) => labelOr(`history.field.${field}`, field);

function one(field: string, entityType: string, value: string | number | boolean): string {
  if (typeof value === 'boolean') return t(value ? 'history.yes' : 'history.no');
  if (typeof value === 'number') return String(value);
  switch (field) {
    case 'phones':
    case 'contact_phone':
      return formatPhone(value);
    case 'kind':
      return entityType === 'interaction' && has(INTERACTION_KINDS, value) ? t(`interactions.kind.${value}`) : kindLabelOf(value);
    case 'subtype':
      return has(ORGANIZATION_SUBTYPES, value) ? subtypeLabel(value) : value;
    case 'sensitivity':
      return has(SENSITIVITIES, value) ? sensitivityLabel(value) : value;
    case 'gender':
      return has(GENDERS, value) ? genderLabel(value) : value;
    case 'governorates':
    case 'governorate_code':
    case 'quota_governorate':
      return governorateList([value]);
    case 'status':
      return has(INVITATION_STATUSES, value) ? invitationStatusLabel(value) : value;
    case 'role':
      return has(INVITATION_ROLES, value) ? invitationRoleLabel(value) : value;
    case 'type':
      return entityType === 'event' ? eventTypeLabelOf(value) : value;
    case 'starts_at':
    case 'ends_at':
      return formatDateTime(value);
    default:
      return value;
  }
}

/** One stored value as text: lists joined with the language's comma, nothing as a dash. */
export function formatValue(field: string, entityType: string, value: FieldValue): string {
  if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) return t('history.empty.value');
  if (Array.isArray(value)) {
    return value
      .map((v) => (v === null ? '?' : typeof v === 'object' ? JSON.stringify(v) : one(field, entityType, v)))
      .join(valueSeparator(i18n.language));
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return one(field, entityType, value);
}

/** Phones, emails and dates read left to right even inside Arabic text. */
export const isLtrField = (field: string) => ['phones', 'emails', 'contact_phone'].includes(field);

export type HistoryField = HistoryEntryDto['fields'][number];
