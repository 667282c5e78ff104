import { ProgrammeIds } from '../programme-refs/programme-refs.schemas.js';
import { Type, type Static } from 'typebox';
import { DateTime, GovernorateCode, Uuid, Version, literalUnion } from '../../http/common.schemas.js';
import { DateOnly } from '../../http/dates.js';
import { EVENT_TYPES, INVITATION_STATUSES, QUOTA_DIMENSIONS } from '../../domain/events/vocabulary.js';
import { VISIBLE_TEXT_PATTERN } from '../../domain/text/clean-text.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
export const EventTypeSchema = literalUnion(EVENT_TYPES);
const Title = Type.String({ minLength: 1, maxLength: 300, pattern: VISIBLE_TEXT_PATTERN });
const Count = Type.Integer({ minimum: 0, maximum: 100_000 });
const Share = Type.Number({ exclusiveMinimum: 0, maximum: 1 });

export const QuotaInputSchema = Type.Object(
  {
    dimension: literalUnion(QUOTA_DIMENSIONS),
    value: Type.String({ minLength: 1, maxLength: 60 }),
    minCount: Type.Optional(Nullable(Count)),
    maxCount: Type.Optional(Nullable(Count)),
    minShare: Type.Optional(Nullable(Share)),
  },
  { additionalProperties: false },
);
export type QuotaInput = Static<typeof QuotaInputSchema>;

export const QuotaSchema = Type.Object({
  dimension: literalUnion(QUOTA_DIMENSIONS),
  value: Type.String(),
  minCount: Nullable(Type.Integer()),
  maxCount: Nullable(Type.Integer()),
  minShare: Nullable(Type.Number()),
});

export const QuotaStatusSchema = Type.Object({
  dimension: literalUnion(QUOTA_DIMENSIONS),
  value: Type.String(),
  minCount: Nullable(Type.Integer()),
  maxCount: Nullable(Type.Integer()),
  minShare: Nullable(Type.Number()),
  count: Type.Integer(),
  activeTotal: Type.Integer({ description: 'active people a share is measured against (for gender: those whose gender is recorded)' }),
  unrecorded: Type.Integer({ description: 'active people without this value recorded (gender unknown), left out of shares' }),
  share: Type.Number(),
  state: literalUnion(['met', 'short', 'over'] as const),
  missing: Type.Integer(),
});

export const CapacitySchema = Type.Object({
  capacity: Nullable(Type.Integer()),
  active: Type.Integer(),
  remaining: Nullable(Type.Integer()),
  exceeded: Type.Boolean(),
});
export type CapacityDto = Static<typeof CapacitySchema>;

export const StatusCountsSchema = Type.Object(
  Object.fromEntries(INVITATION_STATUSES.map((s) => [s, Type.Integer()])) as Record<
    (typeof INVITATION_STATUSES)[number],
    ReturnType<typeof Type.Integer>
  >,
);
export type StatusCounts = Static<typeof StatusCountsSchema>;

const eventFields = {
  id: Uuid,
  title: Type.String(),
  type: EventTypeSchema,
  startsAt: DateTime,
  endsAt: DateTime,
  governorate: Nullable(Type.String()),
  venue: Nullable(Type.String()),
  capacity: Nullable(Type.Integer()),
};

export const EventDetailSchema = Type.Object({
  ...eventFields,
  description: Nullable(Type.String()),
  contactPhone: Nullable(Type.String({ description: "the organiser's phone (E.164) shown on the invitee's reply page" })),
  quotas: Type.Array(QuotaSchema),
  programmeIds: Type.Array(Uuid, { description: 'the programmes it is attributed to that the caller sees' }),
  createdAt: DateTime,
  updatedAt: DateTime,
  version: Type.Integer(),
  quotaStatus: Type.Array(QuotaStatusSchema),
  capacityStatus: CapacitySchema,
  counts: StatusCountsSchema,
});
export type EventDetailDto = Static<typeof EventDetailSchema>;

export const EventListSchema = Type.Object({
  items: Type.Array(Type.Object({ ...eventFields, counts: StatusCountsSchema, total: Type.Integer() })),
  total: Type.Integer(),
  limit: Type.Integer(),
  offset: Type.Integer(),
});

export const ListEventsQuery = Type.Object(
  {
    from: Type.Optional(DateOnly),
    to: Type.Optional(DateOnly),
    governorate: Type.Optional(GovernorateCode),
    type: Type.Optional(EventTypeSchema),
    q: Type.Optional(Type.String({ maxLength: 200 })),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    offset: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }),
  },
  { additionalProperties: false },
);
export type ListEventsFilter = Static<typeof ListEventsQuery>;

const editable = {
  governorate: Type.Optional(Nullable(GovernorateCode)),
  venue: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
  capacity: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 100_000 }))),
  description: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))),
  contactPhone: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
  quotas: Type.Optional(Type.Array(QuotaInputSchema, { maxItems: 60 })),
  programmeIds: Type.Optional(ProgrammeIds),
};

export const CreateEventBody = Type.Object(
  { title: Title, type: EventTypeSchema, startsAt: DateTime, endsAt: DateTime, ...editable },
  { additionalProperties: false },
);
export type CreateEventInput = Static<typeof CreateEventBody>;

export const UpdateEventBody = Type.Object(
  {
    version: Version,
    title: Type.Optional(Title),
    type: Type.Optional(EventTypeSchema),
    startsAt: Type.Optional(DateTime),
    endsAt: Type.Optional(DateTime),
    ...editable,
  },
  { additionalProperties: false },
);
export type UpdateEventInput = Static<typeof UpdateEventBody>;

export const VersionQuery = Type.Object({ version: Type.Optional(Version) }, { additionalProperties: false });

const Breakdown = Type.Array(
  Type.Object({
    value: Type.String(),
    active: Type.Integer(),
    confirmed: Type.Integer(),
    attended: Type.Integer(),
    noShow: Type.Integer(),
  }),
);

export const EventSummarySchema = Type.Object({
  replies: Type.Object({
    invited: Type.Integer(),
    confirmed: Type.Integer(),
    declined: Type.Integer(),
    noReply: Type.Integer(),
    attended: Type.Integer(),
    noShow: Type.Integer(),
    proposed: Type.Integer(),
    cancelled: Type.Integer(),
    viaLink: Type.Optional(Type.Integer({ description: 'invitations that answered through their reply link' })),
  }),
  counts: StatusCountsSchema,
  quotaStatus: Type.Array(QuotaStatusSchema),
  capacityStatus: CapacitySchema,
  byGovernorate: Breakdown,
  byKind: Breakdown,
  byGender: Breakdown,
});
export type EventSummaryDto = Static<typeof EventSummarySchema>;
export type QuotaDto = Static<typeof QuotaSchema>;
export type QuotaStatusDto = Static<typeof QuotaStatusSchema>;
export type EventListDto = Static<typeof EventListSchema>;
