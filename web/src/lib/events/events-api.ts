import { apiRequest, type Fetch } from '$lib/api';
import type {
  AutoSplitResultDto,
  BulkUpdateInput,
  ContactEventsDto,
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

const enc = encodeURIComponent;
const base = (eventId: string) => `/events/${enc(eventId)}`;

/** The list's query; limit and offset default on the server. */
export type EventListQuery = Partial<ListEventsFilter>;

export function listEvents(query: EventListQuery, fetch?: Fetch): Promise<EventPage> {
  return apiRequest('GET', '/events', { query: { ...query }, fetch });
}

export function getEvent(id: string, fetch?: Fetch): Promise<EventDetail> {
  return apiRequest('GET', base(id), { fetch });
}

export function getSummary(id: string, fetch?: Fetch): Promise<EventSummary> {
  return apiRequest('GET', `${base(id)}/summary`, { fetch });
}

export function createEvent(input: EventFields): Promise<EventDetail> {
  return apiRequest('POST', '/events', { body: input });
}

export function updateEvent(id: string, patch: UpdateEventInput): Promise<EventDetail> {
  return apiRequest('PATCH', base(id), { body: patch });
}

export function deleteEvent(id: string, version: number): Promise<void> {
  return apiRequest('DELETE', base(id), { query: { version } });
}

export function listInvitations(eventId: string, fetch?: Fetch): Promise<InvitationList> {
  return apiRequest('GET', `${base(eventId)}/invitations`, { fetch });
}

export function addInvitations(eventId: string, body: AddInvitationsBody): Promise<AddInvitationsResult> {
  return apiRequest('POST', `${base(eventId)}/invitations`, { body });
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
  return apiRequest('PATCH', `${base(eventId)}/invitations/${enc(invitationId)}`, { body: patch, query });
}

export function bulkUpdateInvitations(
  eventId: string,
  body: BulkUpdateInput,
  confirmOutsideEventDays = false,
): Promise<{ items: Invitation[] }> {
  const query = confirmOutsideEventDays ? { confirmOutsideEventDays: true } : {};
  return apiRequest('POST', `${base(eventId)}/invitations/bulk`, { body, query });
}

export function removeInvitation(eventId: string, invitationId: string, version: number): Promise<void> {
  return apiRequest('DELETE', `${base(eventId)}/invitations/${enc(invitationId)}`, { query: { version } });
}

export function listSuggestions(eventId: string, query: Partial<SuggestionsOptions>): Promise<SuggestionList> {
  return apiRequest('GET', `${base(eventId)}/suggestions`, { query });
}

export function dismissSuggestions(eventId: string, contactIds: string[]): Promise<void> {
  return apiRequest('POST', `${base(eventId)}/suggestions/dismiss`, { body: { contactIds } });
}

export function listGroups(eventId: string, fetch?: Fetch): Promise<GroupList> {
  return apiRequest('GET', `${base(eventId)}/groups`, { fetch });
}

export type GroupInput = CreateGroupInput;

export function createGroup(eventId: string, input: GroupInput): Promise<Group> {
  return apiRequest('POST', `${base(eventId)}/groups`, { body: input });
}

export function updateGroup(eventId: string, groupId: string, patch: UpdateGroupInput): Promise<Group> {
  return apiRequest('PATCH', `${base(eventId)}/groups/${enc(groupId)}`, { body: patch });
}

export function deleteGroup(eventId: string, groupId: string, version: number): Promise<void> {
  return apiRequest('DELETE', `${base(eventId)}/groups/${enc(groupId)}`, { query: { version } });
}

/** One place up (towards the first group) or down; answers the groups in their new order. */
export function moveGroup(eventId: string, groupId: string, direction: 'up' | 'down'): Promise<GroupList> {
  return apiRequest('POST', `${base(eventId)}/groups/${enc(groupId)}/move`, { body: { direction } });
}

export function autoSplit(eventId: string): Promise<AutoSplitResultDto> {
  return apiRequest('POST', `${base(eventId)}/groups/auto-split`, { body: { mode: 'confirmed' } });
}

export type NewWalkIn = NonNullable<WalkInInput['contact']>;

/** Outside the event's days (Baghdad time) the server answers 409 OUTSIDE_EVENT_DAYS unless `confirmOutsideEventDays`. */
export function addWalkIn(
  eventId: string,
  body: { contactId: string } | { contact: NewWalkIn },
  confirmOutsideEventDays = false,
): Promise<Invitation> {
  return apiRequest('POST', `${base(eventId)}/walk-ins`, { body, query: confirmOutsideEventDays ? { confirmOutsideEventDays: true } : {} });
}

/** Check-in at the door (attended); 409 OUTSIDE_EVENT_DAYS outside the event's days unless confirmed. */
export function checkInInvitation(
  eventId: string,
  invitationId: string,
  version: number,
  confirmOutsideEventDays = false,
): Promise<Invitation> {
  return apiRequest('POST', `${base(eventId)}/invitations/${enc(invitationId)}/check-in`, {
    body: { version },
    query: confirmOutsideEventDays ? { confirmOutsideEventDays: true } : {},
  });
}

export function exportHref(eventId: string, format: 'csv' | 'xlsx', lang: 'ar' | 'en'): string {
  return `/api${base(eventId)}/export?format=${format}&lang=${lang}`;
}

export async function listContactEvents(contactId: string, fetch?: Fetch): Promise<ContactEvent[]> {
  const { items } = await apiRequest<ContactEventsDto>('GET', `/contacts/${enc(contactId)}/events`, { fetch });
  return items;
}
