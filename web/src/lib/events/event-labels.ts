import type { ContactKind } from '$domain/contact-kinds';
import type { EventType, InvitationRole, InvitationStatus, QuotaDimension } from '$domain/events/vocabulary';
import type { SuggestionReason } from '$domain/events/reasons';
import { t } from '$lib/i18n/i18n.svelte';
import { genderLabel, governorateList, kindLabel } from '$lib/i18n/labels';

export const eventTypeLabel = (type: EventType) => t(`events.type.${type}`);
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

export function reasonText(reason: SuggestionReason): string {
	switch (reason.code) {
		case 'fills_quota':
			return t('events.reason.fillsQuota', { value: dimensionValueLabel(reason.dimension, reason.value) });
		case 'not_invited_recently':
			return t('events.reason.notInvitedRecently', { months: reason.months });
		case 'never_invited':
			return t('events.reason.neverInvited');
		case 'new_face':
			return reason.attended === 0 ? t('events.reason.newFaceNever') : t('events.reason.newFace', { n: reason.attended });
	}
}

export function percent(share: number): string {
	return `${Math.round(share * 100)}%`;
}
