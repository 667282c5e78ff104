/**
 * Every API route by `METHOD /path` (as Fastify spells it, without the /api prefix), with the very schema objects its
 * routes file registers: the web's `api()` takes its path, params, query, body and answer types from here
 * (type-only, through api-types.ts), and tests/api/api-routes-map.test.ts fails when this map and the app disagree.
 */
import type { Static, TSchema } from 'typebox';
import * as activity from '../modules/activity/activity.schemas.js';
import * as apiTokens from '../modules/api-tokens/api-tokens.schemas.js';
import * as audit from '../modules/audit/audit.schemas.js';
import * as auth from '../modules/auth/auth.schemas.js';
import * as bulkActions from '../modules/bulk-actions/bulk-actions.schemas.js';
import * as consent from '../modules/consent/consent.schemas.js';
import * as contactExport from '../modules/contact-export/contact-export.schemas.js';
import * as contactList from '../modules/contacts/contact-list.schemas.js';
import * as contacts from '../modules/contacts/contacts.schemas.js';
import * as customFields from '../modules/custom-fields/custom-fields.schemas.js';
import * as duplicates from '../modules/duplicates/duplicates.schemas.js';
import * as badges from '../modules/events/badges.schemas.js';
import * as checkInScan from '../modules/events/check-in-scan.schemas.js';
import * as eventExport from '../modules/events/event-export.schemas.js';
import * as events from '../modules/events/events.schemas.js';
import * as groups from '../modules/events/groups.schemas.js';
import * as invitations from '../modules/events/invitations.schemas.js';
import * as suggestions from '../modules/events/suggestions.schemas.js';
import * as governorates from '../modules/governorates/governorates.schemas.js';
import * as health from '../modules/health/health.schemas.js';
import * as history from '../modules/history/history.schemas.js';
import * as hxl from '../modules/hxl-export/hxl-export.schemas.js';
import * as imports from '../modules/imports/imports.schemas.js';
import * as interactions from '../modules/interactions/interactions.schemas.js';
import * as merge from '../modules/merge/merge.schemas.js';
import * as network from '../modules/network/network.schemas.js';
import * as calendar from '../modules/outreach/calendar.schemas.js';
import * as email from '../modules/outreach/email.schemas.js';
import * as outreach from '../modules/outreach/outreach.schemas.js';
import * as replyLinks from '../modules/outreach/reply-links.schemas.js';
import * as rsvp from '../modules/outreach/rsvp.schemas.js';
import * as templates from '../modules/outreach/templates.schemas.js';
import * as partnerships from '../modules/partnerships/partnerships.schemas.js';
import * as programmeReport from '../modules/programme-report/programme-report.schemas.js';
import * as positions from '../modules/positions/positions.schemas.js';
import * as preferences from '../modules/preferences/preferences.schemas.js';
import * as programmes from '../modules/programmes/programmes.schemas.js';
import * as programmeOverview from '../modules/programmes/overview.schemas.js';
import * as relationshipTypes from '../modules/relationship-types/relationship-types.schemas.js';
import * as relationships from '../modules/relationships/relationships.schemas.js';
import * as search from '../modules/search/search.schemas.js';
import * as segments from '../modules/segments/segments.schemas.js';
import * as settings from '../modules/settings/settings.schemas.js';
import * as stats from '../modules/stats/stats.schemas.js';
import * as tasks from '../modules/tasks/tasks.schemas.js';
import * as trash from '../modules/trash/trash.schemas.js';
import * as twoStep from '../modules/two-step/two-step.schemas.js';
import * as users from '../modules/users/users.schemas.js';
import * as common from './common.schemas.js';

/** What one route declares; a route without a `response` answers no JSON. */
interface RouteSchemas {
  readonly params?: TSchema;
  readonly query?: TSchema;
  readonly body?: TSchema;
  /** The schema of the 200 or 201 answer. */
  readonly response?: TSchema;
  /** The route answers (or may answer) 204 without a body. */
  readonly noContent?: true;
  /** The answer is a file (CSV, XLSX, ZIP, vCard, calendar, a scan), opened as a link or downloaded, not read as JSON. */
  readonly download?: true;
}

export const API_ROUTES = {
  'GET /health': { response: health.HealthSchema },
  'POST /auth/login': { body: auth.LoginBody, response: twoStep.LoginAnswerSchema },
  'POST /auth/password': { body: auth.ChangePasswordBody, response: auth.SessionTokenResponse },
  'POST /auth/sign-out-everywhere': { noContent: true },
  'POST /auth/logout': { noContent: true },
  'GET /auth/me': { response: auth.MeResponse },
  'GET /auth/totp': { response: twoStep.TwoStepStatusSchema },
  'POST /auth/totp/setup': { response: twoStep.TwoStepSetupSchema },
  'POST /auth/totp/confirm': { body: twoStep.ConfirmTwoStepBody, response: twoStep.RecoveryCodesSchema },
  'POST /auth/totp/recovery-codes': { body: twoStep.ConfirmTwoStepBody, response: twoStep.RenewedRecoveryCodesSchema },
  'POST /auth/totp/disable': { body: twoStep.DisableTwoStepBody, noContent: true },
  'POST /auth/login/two-step': { body: twoStep.TwoStepLoginBody, response: twoStep.SignedInSchema },
  'GET /users/two-step': { response: twoStep.TwoStepUsersSchema },
  'DELETE /users/:id/two-step': { params: common.IdParams, noContent: true },
  'GET /settings/two-step': { response: twoStep.TwoStepPolicySchema },
  'PUT /settings/two-step': { body: twoStep.UpdateTwoStepPolicyBody, response: twoStep.TwoStepPolicySchema },
  'POST /auth/tokens': { body: apiTokens.CreateApiTokenBody, response: apiTokens.CreatedApiTokenSchema },
  'GET /auth/tokens': { response: apiTokens.ApiTokenListSchema },
  'DELETE /auth/tokens/:id': { params: common.IdParams, noContent: true },
  'GET /governorates': { response: governorates.GovernorateListSchema },
  'GET /contacts': { query: contactList.ListContactsQuery, response: contactList.ContactListSchema },
  'POST /contacts': { body: contacts.CreateContactBody, response: contacts.ContactSchema },
  'GET /contacts/:id': { params: common.IdParams, response: contacts.ContactSchema },
  'PATCH /contacts/:id': { params: common.IdParams, body: contacts.UpdateContactBody, response: contacts.ContactSchema },
  'DELETE /contacts/:id': { params: common.IdParams, query: contacts.DeleteContactQuery, noContent: true },
  'GET /users': { response: users.UserListSchema },
  'POST /users': { body: users.CreateUserBody, response: users.UserSchema },
  'PATCH /users/:id': { params: common.IdParams, body: users.UpdateUserBody, response: users.UserSchema },
  'GET /search': { query: search.SearchQuery, response: search.SearchResponse },
  'GET /positions': { query: positions.ListPositionsQuery, response: positions.PositionListSchema },
  'POST /positions': { body: positions.CreatePositionBody, response: positions.PositionSchema },
  'PATCH /positions/:id': { params: common.IdParams, body: positions.UpdatePositionBody, response: positions.PositionSchema },
  'DELETE /positions/:id': { params: common.IdParams, query: positions.DeleteQuery, noContent: true },
  'POST /positions/:id/replace': {
    params: common.IdParams,
    body: positions.ReplacePositionBody,
    response: positions.ReplacePositionResult,
  },
  'GET /relationship-types': { response: relationshipTypes.RelationshipTypeListSchema },
  'POST /relationship-types': { body: relationshipTypes.CreateRelationshipTypeBody, response: relationshipTypes.RelationshipTypeSchema },
  'GET /relationships': { query: relationships.ListRelationshipsQuery, response: relationships.RelationshipListSchema },
  'POST /relationships': { body: relationships.CreateRelationshipBody, response: relationships.RelationshipSchema },
  'PATCH /relationships/:id': {
    params: common.IdParams,
    body: relationships.UpdateRelationshipBody,
    response: relationships.RelationshipSchema,
  },
  'DELETE /relationships/:id': { params: common.IdParams, query: relationships.DeleteRelationshipQuery, noContent: true },
  'GET /contacts/:id/connections': { params: common.IdParams, response: relationships.ConnectionsSchema },
  'GET /interactions': { query: interactions.ListInteractionsQuery, response: interactions.InteractionListSchema },
  'POST /interactions': { body: interactions.CreateInteractionBody, response: interactions.InteractionSchema },
  'PATCH /interactions/:id': {
    params: common.IdParams,
    body: interactions.UpdateInteractionBody,
    response: interactions.InteractionSchema,
  },
  'DELETE /interactions/:id': { params: common.IdParams, query: interactions.DeleteInteractionQuery, noContent: true },
  'GET /network': { query: network.NetworkQuery, response: network.NetworkSchema },
  'POST /imports': { response: imports.ImportUploadSchema },
  'GET /imports': { query: imports.ImportListQuery, response: imports.ImportListSchema },
  'GET /imports/:id': { params: common.IdParams, response: imports.ImportSchema },
  'POST /imports/:id/preview': { params: common.IdParams, body: imports.PreviewBody, response: imports.ImportSchema },
  'GET /imports/:id/rows': { params: common.IdParams, query: imports.ImportRowsQuery, response: imports.ImportRowListSchema },
  'POST /imports/:id/commit': { params: common.IdParams, body: imports.CommitBody, response: imports.ImportSchema },
  'GET /imports/:id/report': { params: common.IdParams, query: imports.ReportQuery, download: true },
  'DELETE /imports/:id': { params: common.IdParams, response: imports.ImportSchema, noContent: true },
  'GET /duplicates': { query: duplicates.ListDuplicatesQuery, response: duplicates.DuplicateListSchema },
  'POST /duplicates/dismiss': { body: duplicates.DismissBody, noContent: true },
  'POST /contacts/check-duplicates': { body: duplicates.CheckDuplicatesBody, response: duplicates.CheckDuplicatesResult },
  'POST /contacts/merge': { body: merge.MergeBody, response: merge.MergeResultSchema },
  'GET /contacts/export': { query: contactExport.ExportQuery, download: true },
  'POST /contacts/bulk': { body: bulkActions.BulkActionBody, response: bulkActions.BulkResultSchema },
  'GET /events': { query: events.ListEventsQuery, response: events.EventListSchema },
  'GET /events/:id': { params: common.IdParams, response: events.EventDetailSchema },
  'GET /events/:id/summary': { params: common.IdParams, response: events.EventSummarySchema },
  'POST /events': { body: events.CreateEventBody, response: events.EventDetailSchema },
  'PATCH /events/:id': { params: common.IdParams, body: events.UpdateEventBody, response: events.EventDetailSchema },
  'DELETE /events/:id': { params: common.IdParams, query: events.VersionQuery, noContent: true },
  'GET /events/:id/invitations': {
    params: common.IdParams,
    query: invitations.ListInvitationsQuery,
    response: invitations.InvitationListSchema,
  },
  'POST /events/:id/invitations': {
    params: common.IdParams,
    body: invitations.AddInvitationsBody,
    response: invitations.AddInvitationsResultSchema,
  },
  'POST /events/:id/invitations/bulk': {
    params: common.IdParams,
    query: invitations.ArrivalQuery,
    body: invitations.BulkUpdateBody,
    response: invitations.InvitationItemsSchema,
  },
  'PATCH /events/:id/invitations/:invitationId': {
    params: invitations.InvitationParams,
    query: invitations.ArrivalQuery,
    body: invitations.UpdateInvitationBody,
    response: invitations.InvitationSchema,
  },
  'DELETE /events/:id/invitations/:invitationId': { params: invitations.InvitationParams, query: events.VersionQuery, noContent: true },
  'GET /events/:id/groups': { params: common.IdParams, response: groups.GroupListSchema },
  'PUT /events/:id/groups/order': { params: common.IdParams, body: groups.GroupOrderBody, response: groups.GroupListSchema },
  'POST /events/:id/groups/:groupId/move': { params: groups.GroupParams, body: groups.MoveGroupBody, response: groups.GroupListSchema },
  'POST /events/:id/groups': { params: common.IdParams, body: groups.CreateGroupBody, response: groups.GroupSchema },
  'POST /events/:id/groups/auto-split': { params: common.IdParams, body: groups.AutoSplitBody, response: groups.AutoSplitResultSchema },
  'PATCH /events/:id/groups/:groupId': { params: groups.GroupParams, body: groups.UpdateGroupBody, response: groups.GroupSchema },
  'DELETE /events/:id/groups/:groupId': { params: groups.GroupParams, query: events.VersionQuery, noContent: true },
  'GET /events/:id/suggestions': {
    params: common.IdParams,
    query: suggestions.SuggestionsQuery,
    response: suggestions.SuggestionListSchema,
  },
  'POST /events/:id/suggestions/dismiss': { params: common.IdParams, body: suggestions.DismissBody, noContent: true },
  'POST /events/:id/walk-ins': {
    params: common.IdParams,
    query: invitations.ArrivalQuery,
    body: invitations.WalkInBody,
    response: invitations.InvitationSchema,
  },
  'POST /events/:id/invitations/:invitationId/check-in': {
    params: invitations.InvitationParams,
    query: invitations.ArrivalQuery,
    body: invitations.CheckInBody,
    response: invitations.InvitationSchema,
  },
  'GET /events/:id/export': { params: common.IdParams, query: eventExport.EventExportQuery, download: true },
  'GET /contacts/:id/events': { params: common.IdParams, response: invitations.ContactEventsSchema },
  'POST /events/:id/check-in/scan': { params: common.IdParams, body: checkInScan.ScanBody, response: checkInScan.ScanResultSchema },
  'GET /events/:id/badges': { params: common.IdParams, query: badges.BadgesQuery, response: badges.BadgeSheetSchema },
  'GET /partnerships': { query: partnerships.ListPartnershipsQuery, response: partnerships.PartnershipListSchema },
  'GET /partnerships/export': { query: partnerships.ExportPartnershipsQuery, download: true },
  'GET /exports/hxl': { query: hxl.HxlExportQuery, download: true },
  'GET /exports/3w': { query: hxl.ThreeWQuery, download: true },
  'GET /programmes/:id/report': { params: common.IdParams, query: programmeReport.ReportQuery, response: programmeReport.ReportSchema },
  'GET /programmes/:id/report/people': {
    params: common.IdParams,
    query: programmeReport.PeopleQuery,
    response: programmeReport.PeopleListSchema,
  },
  'GET /stats/governorates': { query: stats.PeriodQuery, response: stats.GovernorateStatsSchema },
  'GET /stats/dashboard': { query: stats.DashboardQuery, response: stats.DashboardSchema },
  'GET /settings/partnerships': { response: settings.PartnershipSettingsSchema },
  'PUT /settings/partnerships': { body: settings.UpdatePartnershipSettingsBody, response: settings.PartnershipSettingsSchema },
  'GET /contacts/:id/history': { params: common.IdParams, query: history.HistoryQuery, response: history.HistoryPageSchema },
  'GET /events/:id/history': { params: common.IdParams, query: history.HistoryQuery, response: history.HistoryPageSchema },
  'GET /audit': { query: audit.AuditQuery, response: audit.AuditPageSchema },
  'GET /audit/needs-a-look': { query: audit.NeedsALookQuery, response: audit.NeedsALookSchema },
  'GET /contacts/:id/access-log': { params: common.IdParams, query: audit.AccessLogQuery, response: audit.AccessLogSchema },
  'GET /trash': { query: trash.TrashListQuery, response: trash.TrashListSchema },
  'POST /trash/:id/restore': { params: common.IdParams, response: trash.RestoreResultSchema },
  'POST /trash/:id/purge': { params: common.IdParams, noContent: true },
  'POST /merges/:id/undo': { params: common.IdParams, response: trash.UndoMergeResultSchema },
  'GET /contacts/:id/consents': { params: common.IdParams, response: consent.ConsentListSchema },
  'POST /contacts/:id/consents': { params: common.IdParams, body: consent.CreateConsentBody, response: consent.ConsentListSchema },
  'GET /consents/:id/file': { params: common.IdParams, download: true },
  'GET /tasks': { query: tasks.ListTasksQuery, response: tasks.TaskListSchema },
  'GET /tasks/summary': { response: tasks.TaskSummarySchema },
  'GET /tasks/assignees': { query: tasks.AssigneesQuery, response: tasks.AssigneeListSchema },
  'GET /tasks/:id': { params: common.IdParams, response: tasks.TaskSchema },
  'POST /tasks': { body: tasks.CreateTaskBody, response: tasks.TaskSchema },
  'PATCH /tasks/:id': { params: common.IdParams, body: tasks.UpdateTaskBody, response: tasks.TaskSchema },
  'GET /activity': { query: activity.ActivityQuery, response: activity.ActivityListSchema },
  'GET /custom-fields': { query: customFields.ListCustomFieldsQuery, response: customFields.CustomFieldListSchema },
  'POST /custom-fields': { body: customFields.CreateCustomFieldBody, response: customFields.CustomFieldSchema },
  'PATCH /custom-fields/:id': {
    params: common.IdParams,
    body: customFields.UpdateCustomFieldBody,
    response: customFields.CustomFieldSchema,
  },
  'DELETE /custom-fields/:id': { params: common.IdParams, query: customFields.VersionQuery, noContent: true },
  'POST /custom-fields/:id/purge': { params: common.IdParams, query: customFields.VersionQuery, response: customFields.PurgeResultSchema },
  'GET /me/preferences': { response: preferences.PreferencesSchema },
  'PUT /me/preferences': { body: preferences.UpdatePreferencesBody, response: preferences.PreferencesSchema },
  'GET /programmes': { query: programmes.ListProgrammesQuery, response: programmes.ProgrammeListSchema },
  'GET /programmes/:id': { params: common.IdParams, response: programmes.ProgrammeSchema },
  'POST /programmes': { body: programmes.CreateProgrammeBody, response: programmes.ProgrammeSchema },
  'PATCH /programmes/:id': { params: common.IdParams, body: programmes.UpdateProgrammeBody, response: programmes.ProgrammeSchema },
  'DELETE /programmes/:id': { params: common.IdParams, query: programmes.VersionQuery, noContent: true },
  'GET /programmes/:id/overview': { params: common.IdParams, response: programmeOverview.ProgrammeOverviewSchema },
  'GET /programmes/:id/participants': { params: common.IdParams, response: programmes.ParticipantListSchema },
  'POST /programmes/:id/participants': {
    params: common.IdParams,
    body: programmes.AddParticipantBody,
    response: programmes.ParticipantSchema,
  },
  'DELETE /programmes/:id/participants/:contactId/:role': { params: programmes.ParticipantParams, noContent: true },
  'GET /segments': { response: segments.SegmentListSchema },
  'POST /segments': { body: segments.CreateSegmentBody, response: segments.SegmentSchema },
  'GET /segments/:id': { params: common.IdParams, response: segments.SegmentSchema },
  'PATCH /segments/:id': { params: common.IdParams, body: segments.UpdateSegmentBody, response: segments.SegmentSchema },
  'DELETE /segments/:id': { params: common.IdParams, query: segments.DeleteSegmentQuery, noContent: true },
  'GET /export/full.zip': { download: true },
  'GET /contacts/:id/export': { params: common.IdParams, download: true },
  'POST /events/:id/invitations/links': {
    params: common.IdParams,
    body: replyLinks.IssueLinksBody,
    response: replyLinks.ReplyLinkListSchema,
  },
  'DELETE /events/:id/invitations/:invitationId/link': { params: invitations.InvitationParams, noContent: true },
  'GET /events/:id/templates': { params: common.IdParams, response: templates.TemplateListSchema },
  'PUT /events/:id/templates/:purpose/:language': {
    params: templates.TemplateParams,
    body: templates.SaveTemplateBody,
    response: templates.TemplateSchema,
  },
  'DELETE /events/:id/templates/:purpose/:language': {
    params: templates.TemplateParams,
    query: templates.ResetTemplateQuery,
    response: templates.TemplateSchema,
  },
  'POST /events/:id/outreach/whatsapp': { params: common.IdParams, body: outreach.WhatsAppBody, response: outreach.WhatsAppResultSchema },
  'POST /events/:id/outreach/:messageId/sent': { params: outreach.MessageParams, response: outreach.MarkSentResultSchema },
  'POST /events/:id/outreach/numbers': { params: common.IdParams, body: outreach.SelectionBody, response: outreach.NumbersResultSchema },
  'POST /events/:id/outreach/vcard': { params: common.IdParams, body: outreach.SelectionBody, download: true },
  'GET /events/:id/outreach/audience': { params: common.IdParams, query: outreach.AudienceQuery, response: outreach.AudienceResultSchema },
  'GET /rsvp/:token': { params: rsvp.RsvpParams, response: rsvp.RsvpViewSchema },
  'POST /rsvp/:token': { params: rsvp.RsvpParams, body: rsvp.RsvpAnswerBody, response: rsvp.RsvpViewSchema },
  'GET /events/:id/calendar.ics': {
    params: common.IdParams,
    query: calendar.CalendarQuery,
    response: calendar.CalendarBody,
    download: true,
  },
  'GET /rsvp/:token/calendar.ics': { params: calendar.CalendarTokenParams, response: calendar.CalendarBody, download: true },
  'GET /events/:id/outreach/email/settings': { params: common.IdParams, response: email.EmailSettingsSchema },
  'POST /events/:id/outreach/email/preview': { params: common.IdParams, body: email.EmailSendBody, response: email.EmailPreviewSchema },
  'POST /events/:id/outreach/email': { params: common.IdParams, body: email.EmailSendBody, response: email.EmailJobStartedSchema },
  'GET /events/:id/outreach/email/:jobId': { params: email.JobParams, response: email.EmailJobSchema },
} as const satisfies Record<string, RouteSchemas>;

type Routes = typeof API_ROUTES;
export type ApiRoute = keyof Routes;
/** The routes the web reads as JSON (or as 204): every route but the file downloads. */
export type JsonApiRoute = { [K in ApiRoute]: Routes[K] extends { download: true } ? never : K }[ApiRoute];
/** The routes whose answer is a file. */
export type DownloadApiRoute = Exclude<ApiRoute, JsonApiRoute>;

type StaticOf<K extends ApiRoute, Part extends keyof RouteSchemas> = Routes[K] extends { readonly [P in Part]: infer S extends TSchema }
  ? Static<S>
  : undefined;

export type ParamsOf<K extends ApiRoute> = StaticOf<K, 'params'>;
export type QueryOf<K extends ApiRoute> = StaticOf<K, 'query'>;
export type BodyOf<K extends ApiRoute> = StaticOf<K, 'body'>;
/** The 2xx answer: the JSON response's type, `void` for a 204, `undefined` in the JSON type's place when the route may answer either. */
export type ResponseOf<K extends ApiRoute> = Routes[K] extends { readonly response: infer S extends TSchema }
  ? Static<S> | (Routes[K] extends { readonly noContent: true } ? undefined : never)
  : void;
