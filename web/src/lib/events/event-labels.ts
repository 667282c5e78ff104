import type { ContactKind } from '$domain/contact-kinds';
import { EVENT_TYPES, type EventType, type InvitationRole, type InvitationStatus, type QuotaDimension } from '$domain/events/vocabulary';
import type { SuggestionReason } from './types';
import { t } from '$lib/i18n/i18n.svelte';
import { genderLabel, governorateList, kindLabel } from '$lib/i18n/labels';

export const eventTypeLabel = (type: EventType) => t(`events.type.${type}`);
/** For a type the API types as a plain string (a contact's event history): an unknown value is shown as it is. */
export const eventTypeLabelOf = (type: string) =>
  (EVENT_TYPES as readonly string[]).includes(type) ? eventTypeLabel(type as EventType) : type;
export const invitationStatusLabel = (status: InvitationStatus) => t(`events.status.${status}`);
export const invitationRoleLabel = (role: InvitationRole) => t(`events.role.${role}`);
export const dimensionLabel = (dimension: QuotaDimension) => t(`events.dimension.${dimension}`);

/** A quota's or a mix's value in words: a governorate name, a contact kind or a gender ("unknown" for mixes). */
export function dimensionValueLabel(dimension: QuotaDimension, value: string): string {
  if (dimension === 'governorate') return governorateList([value]);
  if (dimension === 'kind') return kindLabel(value as ContactKind);
  if (value === 'female' || value === 'male') return genderLabel(value);
  return t('events.gender.unknown');
}

/** The server sends reasons as a code with optional parameters; an unknown code is shown as it is. */
export function reasonText(reason: SuggestionReason): string {
  switch (reason.code) {
    case 'fills_quota':
      return reason.dimension && reason.value !== undefined
        ? t('events.reason.fillsQuota', { value: dimensionValueLabel(reason.dimension, reason.value) })
        : reason.code;
    case 'not_invited_recently':
      return t('events.reason.notInvitedRecently', { months: reason.months ?? 0 });
    case 'never_invited':
      return t('events.reason.neverInvited');
    case 'new_face':
      return !reason.attended ? t('events.reason.newFaceNever') : t('events.reason.newFace', { n: reason.attended });
    default:
      return reason.code;
  }
}

export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}
