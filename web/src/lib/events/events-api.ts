import type { QueryOf, ResponseOf } from '$api';
import { api, apiUrl, type Fetch } from '$lib/api';
import type {
  AutoSplitResultDto,
  BulkUpdateInput,
  CreateGroupInput,
  ListEventsFilter,
  SuggestionsOptions,
  UpdateEventInput,
  UpdateGroupInput,
  UpdateInvitationInput,
  WalkInInput,
} from '$api';
import type {
  AddInvitationsBody,
  AddInvitationsResult,
  ContactEvent,
  EventDetail,
  EventFields,
  EventPage,
  EventSummary,
  Group,
  GroupList,
  Invitation,
  InvitationList,
  SuggestionList,
} from './types';

/** The list's query; limit and offset default on the server. */
export type EventListQuery = Partial<ListEventsFilter>;

export function listEvents(query: EventListQuery, fetch?: Fetch): Promise<EventPage> {
  return api('GET /events', { query: { ...query }, fetch });
}

export function getEvent(id: string, fetch?: Fetch): Promise<EventDetail> {
  return api('GET /events/:id', { params: { id }, fetch });
}

export function getSummary(id: string, fetch?: Fetch): Promise<EventSummary> {
  return api('GET /events/:id/summary', { params: { id }, fetch });
}

export function createEvent(input: EventFields): Promise<EventDetail> {
  return api('POST /events', { body: input });
}

export function updateEvent(id: string, patch: UpdateEventInput): Promise<EventDetail> {
  return api('PATCH /events/:id', { params: { id }, body: patch });
}

export function deleteEvent(id: string, version: number): Promise<void> {
  return api('DELETE /events/:id', { params: { id }, query: { version } });
}

export function listInvitations(eventId: string, fetch?: Fetch): Promise<InvitationList> {
  return api('GET /events/:id/invitations', { params: { id: eventId }, fetch });
}

export function addInvitations(eventId: string, body: AddInvitationsBody): Promise<AddInvitationsResult> {
  return api('POST /events/:id/invitations', { params: { id: eventId }, body });
}

export type InvitationPatch = UpdateInvitationInput;

/** Marking attended outside the event's days answers 409 OUTSIDE_EVENT_DAYS unless `confirmOutsideEventDays`. */
export function updateInvitation(
  eventId: string,
  invitationId: string,
  patch: InvitationPatch,
  confirmOutsideEventDays = false,
): Promise<Invitation> {
  const query = confirmOutsideEventDays ? { confirmOutsideEventDays: true } : {};
  return api('PATCH /events/:id/invitations/:invitationId', { params: { id: eventId, invitationId }, body: patch, query });
}

export function bulkUpdateInvitations(
  eventId: string,
  body: BulkUpdateInput,
  confirmOutsideEventDays = false,
): Promise<ResponseOf<'POST /events/:id/invitations/bulk'>> {
  const query = confirmOutsideEventDays ? { confirmOutsideEventDays: true } : {};
  return api('POST /events/:id/invitations/bulk', { params: { id: eventId }, body, query });
}

export function removeInvitation(eventId: string, invitationId: string, version: number): Promise<void> {
  return api('DELETE /events/:id/invitations/:invitationId', { params: { id: eventId, invitationId }, query: { version } });
}

export function listSuggestions(eventId: string, query: Partial<SuggestionsOptions>): Promise<SuggestionList> {
  return api('GET /events/:id/suggestions', { params: { id: eventId }, query });
}

export function dismissSuggestions(eventId: string, contactIds: string[]): Promise<void> {
  return api('POST /events/:id/suggestions/dismiss', { params: { id: eventId }, body: { contactIds } });
}

export function listGroups(eventId: string, fetch?: Fetch): Promise<GroupList> {
  return api('GET /events/:id/groups', { params: { id: eventId }, fetch });
}

export type GroupInput = CreateGroupInput;

export function createGroup(eventId: string, input: GroupInput): Promise<Group> {
  return api('POST /events/:id/groups', { params: { id: eventId }, body: input });
}

export function updateGroup(eventId: string, groupId: string, patch: UpdateGroupInput): Promise<Group> {
  return api('PATCH /events/:id/groups/:groupId', { params: { id: eventId, groupId }, body: patch });
}

export function deleteGroup(eventId: string, groupId: string, version: number): Promise<void> {
  return api('DELETE /events/:id/groups/:groupId', { params: { id: eventId, groupId }, query: { version } });
}

/** One place up (towards the first group) or down; answers the groups in their new order. */
export function moveGroup(eventId: string, groupId: string, direction: 'up' | 'down'): Promise<GroupList> {
  return api('POST /events/:id/groups/:groupId/move', { params: { id: eventId, groupId }, body: { direction } });
}

export function autoSplit(eventId: string): Promise<AutoSplitResultDto> {
  return api('POST /events/:id/groups/auto-split', { params: { id: eventId }, body: { mode: 'confirmed' } });
}

export type NewWalkIn = NonNullable<WalkInInput['contact']>;

/** Outside the event's days (Baghdad time) the server answers 409 OUTSIDE_EVENT_DAYS unless `confirmOutsideEventDays`. */
export function addWalkIn(
  eventId: string,
  body: { contactId: string } | { contact: NewWalkIn },
  confirmOutsideEventDays = false,
): Promise<Invitation> {
  return api('POST /events/:id/walk-ins', {
    params: { id: eventId },
    body,
    query: confirmOutsideEventDays ? { confirmOutsideEventDays: true } : {},
  });
}

/** Check-in at the door (attended); 409 OUTSIDE_EVENT_DAYS outside the event's days unless confirmed. */
export function checkInInvitation(
  eventId: string,
  invitationId: string,
  version: number,
  confirmOutsideEventDays = false,
): Promise<Invitation> {
  return api('POST /events/:id/invitations/:invitationId/check-in', {
    params: { id: eventId, invitationId },
    body: { version },
    query: confirmOutsideEventDays ? { confirmOutsideEventDays: true } : {},
  });
}

type EventExport = QueryOf<'GET /events/:id/export'>;

export function exportHref(eventId: string, format: EventExport['format'], lang: EventExport['lang']): string {
  return apiUrl('GET /events/:id/export', { params: { id: eventId }, query: { format, lang } });
}

export async function listContactEvents(contactId: string, fetch?: Fetch): Promise<ContactEvent[]> {
  const { items } = await api('GET /contacts/:id/events', { params: { id: contactId }, fetch });
  return items;
}
