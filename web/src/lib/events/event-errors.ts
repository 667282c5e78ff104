import { formatList } from '$domain/format/list-format';
import { ApiError } from '$lib/api';
import { describeError } from '$lib/error-message';
import { i18n, t } from '$lib/i18n/i18n.svelte';
import type { InvitationStatus, QuotaDimension } from '$domain/events/vocabulary';
import { dimensionLabel, dimensionValueLabel, invitationStatusLabel } from './event-labels';

const listOf = (items: string[]) => formatList(items, i18n.language);

/**
 * The quotas a refused addition would push past their maximum, in words: "Governorate: Baghdad (21, at most 20)".
 * QUOTA_MAXIMUM lists each as field "dimension:value" with message "after/max".
 */
export function quotaMaximumList(error: ApiError): string {
  return listOf(
    Object.entries(error.fieldErrors).map(([field, message]) => {
      const [dimension, ...rest] = field.split(':') as [QuotaDimension, ...string[]];
      const [count, max] = message.split('/');
      return t('events.quotaMax.item', {
        dimension: dimensionLabel(dimension),
        value: dimensionValueLabel(dimension, rest.join(':')),
        count: count ?? '',
        max: max ?? '',
      });
    }),
  );
}

/** The events problem codes in a sentence; refused transitions name each move (the message is "from->to"). */
export function describeEventError(error: unknown, names: Record<string, string> = {}): string {
  if (!(error instanceof ApiError)) return describeError(error);
  switch (error.code) {
    case 'INVITATION_EXISTS': {
      const who = Object.keys(error.fieldErrors)
        .map((id) => names[id] ?? '')
        .filter(Boolean);
      return who.length > 0 ? t('events.error.existsNamed', { names: listOf(who) }) : t('events.error.exists');
    }
    case 'CAPACITY_EXCEEDED':
      return t('events.error.capacity');
    case 'QUOTA_MAXIMUM':
      return t('events.error.quotaMaximum', { quotas: quotaMaximumList(error) });
    case 'NO_REPRESENTATIVE': {
      const who = Object.keys(error.fieldErrors)
        .map((id) => names[id] ?? '')
        .filter(Boolean);
      return who.length > 0 ? t('events.error.noRepresentativeNamed', { names: listOf(who) }) : t('events.error.noRepresentative');
    }
    case 'INVALID_STATUS_TRANSITION': {
      const moves = Object.entries(error.fieldErrors).map(([id, message]) => {
        const [from, to] = message.split('->') as [InvitationStatus, InvitationStatus];
        const move = t('events.error.move', { from: invitationStatusLabel(from), to: invitationStatusLabel(to) });
        return names[id] ? `${names[id]}: ${move}` : move;
      });
      return t('events.error.transition', { moves: listOf(moves) });
    }
    case 'NO_GROUPS':
      return t('events.error.noGroups');
    default:
      if (error.fieldErrorCodes.filter === 'too_many') return t('events.error.filterTooMany');
      return describeError(error);
  }
}
