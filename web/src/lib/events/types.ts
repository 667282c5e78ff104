import type {
  AddInvitationsInput,
  AddInvitationsResultDto,
  CapacityDto,
  ContactEventsDto,
  CreateEventInput,
  EventDetailDto,
  EventListDto,
  EventSummaryDto,
  GroupDto,
  GroupListDto,
  InvitationDto,
  InvitationListDto,
  PersonRefDto,
  QuotaDto,
  QuotaInput,
  QuotaStatusDto,
  StatusCounts,
  SuggestionListDto,
  SuggestionReasonDto,
} from '$api';

/** Shapes of the events API (docs/api-events.md), from the server's schemas. */
export type { QuotaInput, StatusCounts };
export type Quota = QuotaDto;
export type QuotaStatus = QuotaStatusDto;
export type SuggestionReason = SuggestionReasonDto;
export type Capacity = CapacityDto;

/** What the event form produces: every editable field (a complete create body). */
export type EventFields = Required<CreateEventInput>;

export type EventDetail = EventDetailDto;
export type EventPage = EventListDto;
export type EventListItem = EventListDto['items'][number];
export type EventSummary = EventSummaryDto;
export type Breakdown = EventSummaryDto['byGovernorate'][number];

export type PersonRef = PersonRefDto;
export type Invitation = InvitationDto;
export type InvitationList = InvitationListDto;
export type AddInvitationsBody = AddInvitationsInput;
export type AddInvitationsResult = AddInvitationsResultDto;
export type SuggestionList = SuggestionListDto;
export type Suggestion = SuggestionListDto['items'][number];

export type Group = GroupDto;
export type GroupList = GroupListDto;
export type Mix = GroupDto['mix'];

export type ContactEvent = ContactEventsDto['items'][number];
