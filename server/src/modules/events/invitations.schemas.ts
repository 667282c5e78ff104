import { Type, type Static } from 'typebox';
import { DateTime, GovernorateCode, Uuid, Version, literalUnion } from '../../http/common.schemas.js';
import { CONTACT_KINDS, GENDERS, ORGANIZATION_SUBTYPES, SENSITIVITIES } from '../../domain/contact-kinds.js';
import { EVENT_TYPES, INVITATION_ROLES, INVITATION_STATUSES, QUOTA_DIMENSIONS } from '../../domain/events/vocabulary.js';
import { CapacitySchema, QuotaStatusSchema } from './events.schemas.js';
import { VISIBLE_TEXT_PATTERN } from '../../domain/text/clean-text.js';
import { OUTREACH_FILTERS } from '../../domain/outreach/outreach-state.js';
import { OutreachStatusSchema } from '../outreach/outreach.schemas.js';
import { STATUS_CHANGE_SOURCES } from '../../domain/outreach/vocabulary.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
export const StatusSchema = literalUnion(INVITATION_STATUSES);
export const RoleSchema = literalUnion(INVITATION_ROLES);
const Ref = Type.Object({ id: Uuid, name: Type.String() });

export const PersonRefSchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  kind: literalUnion(CONTACT_KINDS),
  governorates: Type.Array(Type.String()),
  gender: Nullable(literalUnion(GENDERS)),
  sensitivity: literalUnion(SENSITIVITIES),
  organisation: Nullable(Ref),
  phone: Nullable(Type.String()),
  phoneHidden: Type.Boolean(),
});
export type PersonRefDto = Static<typeof PersonRefSchema>;

export const SuggestionReasonSchema = Type.Object(
  {
    code: Type.String(),
    dimension: Type.Optional(literalUnion(QUOTA_DIMENSIONS)),
    value: Type.Optional(Type.String({ maxLength: 60 })),
    months: Type.Optional(Type.Integer({ minimum: 0, maximum: 600 })),
    attended: Type.Optional(Type.Integer({ minimum: 0 })),
  },
  { additionalProperties: false },
);

export const InvitationSchema = Type.Object({
  id: Uuid,
  eventId: Uuid,
  contact: PersonRefSchema,
  representative: Nullable(PersonRefSchema),
  role: RoleSchema,
  status: StatusSchema,
  groupId: Nullable(Uuid),
  walkIn: Type.Boolean(),
  suggestionReasons: Nullable(Type.Array(SuggestionReasonSchema)),
  quotaGovernorate: Nullable(
    Type.String({ description: "the governorate this invitation counts toward in governorate quotas (chosen, else the contact's first)" }),
  ),
  checkInCode: Type.String({ description: 'short code for the door (badge QR, typed at check-in); not a reply token' }),
  statusChangedAt: DateTime,
  statusChangedBy: Nullable(Ref),
  createdAt: DateTime,
  updatedAt: DateTime,
  version: Type.Integer(),
  /** Messages sent, link opened, answered via link (issue 11, item 7); filled in by every list and change. */
  outreach: Type.Optional(OutreachStatusSchema),
  history: Type.Optional(
    Type.Array(
      Type.Object({
        fromStatus: Nullable(StatusSchema),
        toStatus: StatusSchema,
        changedAt: DateTime,
        changedBy: Nullable(Ref),
        source: literalUnion(STATUS_CHANGE_SOURCES),
        note: Nullable(Type.String()),
      }),
    ),
  ),
  replyLink: Type.Optional(
    Nullable(
      Type.Object(
        {
          openCount: Type.Integer(),
          firstOpenedAt: Nullable(DateTime),
          lastOpenedAt: Nullable(DateTime),
          repliedAt: Nullable(DateTime),
          replyNote: Nullable(Type.String()),
        },
        { description: 'the live personal reply link: how often it was opened and when the invitee last answered through it' },
      ),
    ),
  ),
});
export type InvitationDto = Static<typeof InvitationSchema>;

export const InvitationListSchema = Type.Object({
  items: Type.Array(InvitationSchema),
  total: Type.Integer(),
  hidden: Type.Integer({ description: "invitations of contacts outside the caller's governorates, not listed" }),
});

export const ListInvitationsQuery = Type.Object(
  {
    status: Type.Optional(StatusSchema),
    role: Type.Optional(RoleSchema),
    group: Type.Optional(Type.Union([Uuid, Type.Literal('none')])),
    history: Type.Optional(Type.Boolean()),
    outreach: Type.Optional(literalUnion(OUTREACH_FILTERS)),
  },
  { additionalProperties: false },
);
export type ListInvitationsFilter = Static<typeof ListInvitationsQuery>;

const Ids = (max: number) => Type.Array(Uuid, { minItems: 1, maxItems: max, uniqueItems: true });

export const AddInvitationsBody = Type.Object(
  {
    contactIds: Type.Optional(Type.Array(Uuid, { maxItems: 500 })),
    items: Type.Optional(
      Type.Array(
        Type.Object(
          {
            contactId: Uuid,
            representativeId: Type.Optional(Nullable(Uuid)),
            role: Type.Optional(RoleSchema),
            suggestionReasons: Type.Optional(Type.Array(SuggestionReasonSchema, { maxItems: 20 })),
            quotaGovernorate: Type.Optional(Nullable(GovernorateCode)),
          },
          { additionalProperties: false },
        ),
        { maxItems: 500 },
      ),
    ),
    filter: Type.Optional(
      Type.Object(
        {
          kind: Type.Optional(literalUnion(CONTACT_KINDS)),
          governorates: Type.Optional(Type.Array(GovernorateCode, { minItems: 1, maxItems: 19, uniqueItems: true })),
          tags: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { minItems: 1, maxItems: 10 })),
          memberOf: Type.Optional(Uuid),
        },
        { additionalProperties: false },
      ),
    ),
    role: Type.Optional(RoleSchema),
    status: Type.Optional(literalUnion(['proposed', 'invited'] as const)),
    skipExisting: Type.Optional(Type.Boolean()),
    allowOverCapacity: Type.Optional(Type.Boolean()),
    allowOverQuota: Type.Optional(Type.Boolean({ description: 'add even past a quota maximum (else 409 QUOTA_MAXIMUM)' })),
  },
  { additionalProperties: false },
);
export type AddInvitationsInput = Static<typeof AddInvitationsBody>;

export const AddInvitationsResultSchema = Type.Object({
  added: Type.Array(InvitationSchema),
  skipped: Type.Array(Type.Object({ contactId: Uuid, reason: literalUnion(['already_on_list', 'no_representative'] as const) })),
  quotaStatus: Type.Array(QuotaStatusSchema),
  capacityStatus: CapacitySchema,
});

export const UpdateInvitationBody = Type.Object(
  {
    version: Version,
    status: Type.Optional(StatusSchema),
    role: Type.Optional(RoleSchema),
    groupId: Type.Optional(Nullable(Uuid)),
    representativeId: Type.Optional(Nullable(Uuid)),
    quotaGovernorate: Type.Optional(Nullable(GovernorateCode)),
  },
  { additionalProperties: false },
);
export type UpdateInvitationInput = Static<typeof UpdateInvitationBody>;

export const BulkUpdateBody = Type.Object(
  {
    invitationIds: Ids(1000),
    status: Type.Optional(StatusSchema),
    role: Type.Optional(RoleSchema),
    groupId: Type.Optional(Nullable(Uuid)),
  },
  { additionalProperties: false },
);
export type BulkUpdateInput = Static<typeof BulkUpdateBody>;

export const InvitationParams = Type.Object({ id: Uuid, invitationId: Uuid }, { additionalProperties: false });

export const WalkInBody = Type.Object(
  {
    contactId: Type.Optional(Uuid),
    contact: Type.Optional(
      Type.Object(
        {
          name: Type.String({ minLength: 1, maxLength: 300, pattern: VISIBLE_TEXT_PATTERN }),
          kind: literalUnion(CONTACT_KINDS),
          subtype: Type.Optional(literalUnion(ORGANIZATION_SUBTYPES)),
          governorates: Type.Array(GovernorateCode, { minItems: 1, maxItems: 19, uniqueItems: true }),
          phones: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 10 })),
          gender: Type.Optional(Nullable(literalUnion(['female', 'male'] as const))),
        },
        { additionalProperties: false },
      ),
    ),
    role: Type.Optional(RoleSchema),
  },
  { additionalProperties: false },
);
export type WalkInInput = Static<typeof WalkInBody>;

export const ContactEventsSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      invitationId: Uuid,
      as: literalUnion(['contact', 'representative'] as const),
      representing: Nullable(Ref),
      event: Type.Object({
        id: Uuid,
        title: Type.String(),
        type: literalUnion(EVENT_TYPES),
        startsAt: DateTime,
        endsAt: DateTime,
        governorate: Nullable(Type.String()),
      }),
      status: StatusSchema,
      role: RoleSchema,
      walkIn: Type.Boolean(),
      statusChangedAt: DateTime,
    }),
  ),
});
export type SuggestionReasonDto = Static<typeof SuggestionReasonSchema>;
export type InvitationListDto = Static<typeof InvitationListSchema>;
export type AddInvitationsResultDto = Static<typeof AddInvitationsResultSchema>;
export type ContactEventsDto = Static<typeof ContactEventsSchema>;

/** Arrivals on another day than the event's (Baghdad time) are refused with 409 OUTSIDE_EVENT_DAYS unless confirmed. */
export const ArrivalQuery = Type.Object(
  {
    confirmOutsideEventDays: Type.Optional(
      Type.Boolean({ description: "record the arrival although today is not one of the event's days (Baghdad time)" }),
    ),
  },
  { additionalProperties: false },
);

/** Check-in at the door: the invitation's version, as for any update. */
export const CheckInBody = Type.Object({ version: Version }, { additionalProperties: false });

/** The invitations a bulk change touched, as they are now. */
export const InvitationItemsSchema = Type.Object({ items: Type.Array(InvitationSchema) });
