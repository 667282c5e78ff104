import { ApiError } from '$lib/api';
import { describeError } from '$lib/error-message';
import { i18n, t } from '$lib/i18n/i18n.svelte';
import type { InvitationStatus } from '$domain/events/vocabulary';
import { invitationStatusLabel } from './event-labels';

const listOf = (items: string[]) => new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(items);

/** The events problem codes in a sentence; refused transitions name each move (the message is "from->to"). */
export function describeEventError(error: unknown, names: Record<string, string> = {}): string {
	if (!(error instanceof ApiError)) return describeError(error);
	switch (error.code) {
		case 'INVITATION_EXISTS': {
			const who = Object.keys(error.fieldErrors).map((id) => names[id] ?? '').filter(Boolean);
			return who.length > 0 ? t('events.error.existsNamed', { names: listOf(who) }) : t('events.error.exists');
		}
		case 'CAPACITY_EXCEEDED':
			return t('events.error.capacity');
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
