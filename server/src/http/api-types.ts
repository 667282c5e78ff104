/**
 * The API's request and response types, for the web app (`$api`): only `export type`, so nothing server-side is bundled.
 * Each is the `Static<>` of the TypeBox schema the route validates or serialises with.
 */
import type { Static } from 'typebox';
import type { ProblemSchema } from './common.schemas.js';

/** Every error response: application/problem+json. */
export type ProblemDto = Static<typeof ProblemSchema>;
export type { LoginInput } from '../modules/auth/auth.schemas.js';
export type { HxlDataset } from '../modules/hxl-export/hxl-export.schemas.js';
export type { ExportColumn, ExportFilter } from '../modules/contact-export/contact-export.schemas.js';
export type { CreateContactInput, UpdateContactInput, ContactDto } from '../modules/contacts/contacts.schemas.js';
export type { ContactFilter, ContactListDto, ContactListItemDto, ListContactsFilter } from '../modules/contacts/contact-list.schemas.js';
export type { SegmentDto, SegmentListDto, CreateSegmentInput, UpdateSegmentInput } from '../modules/segments/segments.schemas.js';
export type {
  DuplicateContactDto,
  ListDuplicatesFilter,
  HiddenMatchesDto,
  DuplicateCandidateDto,
  CheckDuplicatesInput,
  DuplicateReasonDto,
  DuplicatePairDto,
  DuplicateListDto,
  CheckDuplicatesResultDto,
} from '../modules/duplicates/duplicates.schemas.js';
export type {
  QuotaInput,
  CapacityDto,
  StatusCounts,
  EventDetailDto,
  ListEventsFilter,
  CreateEventInput,
  UpdateEventInput,
  EventSummaryDto,
  QuotaDto,
  QuotaStatusDto,
  EventListDto,
} from '../modules/events/events.schemas.js';
export type { GroupDto, CreateGroupInput, UpdateGroupInput, GroupListDto, AutoSplitResultDto } from '../modules/events/groups.schemas.js';
export type {
  PersonRefDto,
  InvitationDto,
  ListInvitationsFilter,
  AddInvitationsInput,
  UpdateInvitationInput,
  BulkUpdateInput,
  WalkInInput,
  SuggestionReasonDto,
  InvitationListDto,
  AddInvitationsResultDto,
  ContactEventsDto,
} from '../modules/events/invitations.schemas.js';
export type { ScanInput, ScanResultDto } from '../modules/events/check-in-scan.schemas.js';
export type { BadgeSheetDto, BadgesFilter } from '../modules/events/badges.schemas.js';
export type { SuggestionsOptions, SuggestionListDto } from '../modules/events/suggestions.schemas.js';
export type {
  ImportDto,
  PreviewInput,
  ImportRowDto,
  CommitInput,
  ImportDefaultsDto,
  OutcomeCountsDto,
  ImportUploadDto,
  ImportSummaryDto,
  ImportListDto,
  ImportRowListDto,
  ImportRowsFilter,
} from '../modules/imports/imports.schemas.js';
export type {
  InteractionDto,
  ListInteractionsFilter,
  CreateInteractionInput,
  UpdateInteractionInput,
  InteractionListDto,
} from '../modules/interactions/interactions.schemas.js';
export type { MergeInput, MergeCounts, MergeResultDto } from '../modules/merge/merge.schemas.js';
export type { NetworkQueryInput, NetworkDto, NetworkEdgeDto, NetworkNodeDto } from '../modules/network/network.schemas.js';
export type {
  PartnershipSort,
  PartnershipDto,
  PartnershipListDto,
  ListPartnershipsFilter,
  ExportPartnershipsFilter,
} from '../modules/partnerships/partnerships.schemas.js';
export type {
  PositionDto,
  ListPositionsFilter,
  CreatePositionInput,
  UpdatePositionInput,
  ReplacePositionInput,
  ContactBriefDto,
  ReplacePositionResultDto,
} from '../modules/positions/positions.schemas.js';
export type {
  RelationshipTypeDto,
  CreateRelationshipTypeInput,
  RelationshipTypeListDto,
} from '../modules/relationship-types/relationship-types.schemas.js';
export type {
  RelationshipDto,
  ListRelationshipsFilter,
  CreateRelationshipInput,
  UpdateRelationshipInput,
  ConnectionDto,
  ConnectionsDto,
} from '../modules/relationships/relationships.schemas.js';
export type { SearchParams, SearchResult, SearchResponseDto } from '../modules/search/search.schemas.js';
export type { PartnershipSettingsDto, UpdatePartnershipSettingsInput } from '../modules/settings/settings.schemas.js';
export type { PeriodFilter, GovernorateStatsDto, DashboardFilter, DashboardDto } from '../modules/stats/stats.schemas.js';
export type { UserDto, CreateUserInput, UpdateUserInput, UserListDto } from '../modules/users/users.schemas.js';
export type { TemplateDto, TemplateListDto, SaveTemplateInput } from '../modules/outreach/templates.schemas.js';
export type {
  WhatsAppInput,
  WhatsAppResultDto,
  WhatsAppMessageDto,
  SkippedDto,
  MarkSentResultDto,
  NumbersResultDto,
  AudienceResultDto,
  OutreachStatusDto,
} from '../modules/outreach/outreach.schemas.js';
export type { RsvpViewDto, RsvpAnswerInput, RsvpAnswer } from '../modules/outreach/rsvp.schemas.js';
export type { ReplyLinkDto } from '../modules/outreach/reply-links.schemas.js';
export type { EmailSettingsDto, EmailPreviewDto, EmailJobDto, EmailSendInput, SkipReason } from '../modules/outreach/email.schemas.js';
export type { HistoryEntryDto, HistoryPageDto } from '../modules/history/history.schemas.js';
export type { FieldValue } from '../domain/history/field-changes.js';
export type { AuditFilter, AuditEntryDto, AuditPageDto, NeedsALookDto, AccessLogDto } from '../modules/audit/audit.schemas.js';
export type { TrashItemDto, TrashListDto, TrashListFilter, RestoreResultDto, UndoMergeResultDto } from '../modules/trash/trash.schemas.js';
export type {
  TwoStepStatusDto,
  TwoStepSetupDto,
  RecoveryCodesDto,
  LoginAnswerDto,
  SignedInDto,
  TwoStepPolicyDto,
  UpdateTwoStepPolicyInput,
  TwoStepLoginInput,
  TwoStepUsersDto,
} from '../modules/two-step/two-step.schemas.js';
export type { ApiTokenDto, ApiTokenListDto, CreateApiTokenInput, CreatedApiTokenDto } from '../modules/api-tokens/api-tokens.schemas.js';
export type { CreateConsentInput, ConsentRecordDto, ConsentListDto, ConsentStateDto } from '../modules/consent/consent.schemas.js';
export type {
  TaskDto,
  TaskListDto,
  ListTasksFilter,
  CreateTaskInput,
  UpdateTaskInput,
  TaskSummaryDto,
  AssigneeListDto,
} from '../modules/tasks/tasks.schemas.js';
export type { ActivityItemDto, ActivityListDto } from '../modules/activity/activity.schemas.js';
export type { BulkActionInput, BulkResultDto, BulkSampleDto } from '../modules/bulk-actions/bulk-actions.schemas.js';
export type {
  CustomFieldDto,
  CustomFieldListDto,
  CreateCustomFieldInput,
  UpdateCustomFieldInput,
} from '../modules/custom-fields/custom-fields.schemas.js';
export type {
  ProgrammeDto,
  ProgrammeListDto,
  ProgrammeListItemDto,
  CreateProgrammeInput,
  UpdateProgrammeInput,
  ParticipantDto,
  ParticipantListDto,
  AddParticipantInput,
} from '../modules/programmes/programmes.schemas.js';
export type { ProgrammeOverviewDto, FiguresDto } from '../modules/programmes/overview.schemas.js';
export type { ApiRoute, JsonApiRoute, DownloadApiRoute, ParamsOf, QueryOf, BodyOf, ResponseOf } from './api-routes.js';
