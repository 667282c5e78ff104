/** The events vocabulary, shared by server schemas and the web app (`$domain/events/vocabulary`). */
import type { Role } from '../roles.js';

export const EVENT_TYPES = ['workshop', 'dialogue_session', 'closing_session', 'training', 'other'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const INVITATION_STATUSES = ['proposed', 'invited', 'confirmed', 'declined', 'attended', 'no_show', 'cancelled'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

export const INVITATION_ROLES = ['participant', 'speaker', 'facilitator', 'government_guest', 'organiser'] as const;
export type InvitationRole = (typeof INVITATION_ROLES)[number];

export const QUOTA_DIMENSIONS = ['governorate', 'kind', 'gender'] as const;
export type QuotaDimension = (typeof QUOTA_DIMENSIONS)[number];

/**
 * Who sits (or will sit) in the room: these count against quotas and capacity. Declined and cancelled people
 * left the list; a no-show did not come, so after the fact they do not count either.
 */
export const ACTIVE_STATUSES: readonly InvitationStatus[] = ['proposed', 'invited', 'confirmed', 'attended'];

/** "Invited" in the replies summary: everyone who ever received an invitation. */
export const EVER_INVITED_STATUSES: readonly InvitationStatus[] = ['invited', 'confirmed', 'declined', 'attended', 'no_show'];

/**
 * The allowed moves. invited -> attended is allowed because people who never confirmed often come anyway;
 * no_show -> attended covers a late arrival; cancelled -> proposed puts someone back on the list.
 */
export const STATUS_TRANSITIONS: Readonly<Record<InvitationStatus, readonly InvitationStatus[]>> = {
  proposed: ['invited', 'cancelled'],
  invited: ['confirmed', 'declined', 'attended', 'cancelled'],
  confirmed: ['attended', 'no_show', 'declined', 'cancelled'],
  declined: ['confirmed', 'cancelled'],
  attended: [],
  no_show: ['attended'],
  cancelled: ['proposed'],
};

export function canTransition(from: InvitationStatus, to: InvitationStatus): boolean {
  return STATUS_TRANSITIONS[from].includes(to);
}

export function isActiveStatus(status: InvitationStatus): boolean {
  return ACTIVE_STATUSES.includes(status);
}

/** Check-in marks these as attended. */
export function canCheckIn(status: InvitationStatus): boolean {
  return canTransition(status, 'attended');
}

/** Deleting an event removes its whole list and history: only coordinators and admins. */
export function canDeleteEvents(role: Role): boolean {
  return role === 'admin' || role === 'coordinator';
}

/** Event writes, invitation lists, groups, check-in and exports. */
export function canManageEvents(role: Role): boolean {
  return role === 'admin' || role === 'coordinator' || role === 'staff';
}
