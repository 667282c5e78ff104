import { Type, type Static } from 'typebox';
import { GovernorateCode, literalUnion, Uuid } from '../../http/common.schemas.js';
import { LANGUAGES } from '../../domain/language.js';
import { DateOnly, NullableDate } from '../../http/dates.js';
import { PARTNERSHIP_STATUSES } from '../../domain/partnerships/status.js';
import { INTERACTION_KINDS } from '../../domain/interaction-kinds.js';

export const PARTNERSHIP_SORTS = ['name', 'governorate', 'status', 'lastContact', 'interactionCount', 'eventAttendanceCount'] as const;
export type PartnershipSort = (typeof PARTNERSHIP_SORTS)[number];

const Status = literalUnion(PARTNERSHIP_STATUSES);

export const PeriodSchema = Type.Object({ from: DateOnly, to: DateOnly });
export const ThresholdsSchema = Type.Object({ activeDays: Type.Integer(), coolingDays: Type.Integer() });
const StatusCounts = {
  active: Type.Integer(),
  cooling: Type.Integer(),
  dormant: Type.Integer(),
  vacant: Type.Integer(),
};
export const StatusCountsSchema = Type.Object(StatusCounts);

export const PartnershipSchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  nameLatin: Type.Union([Type.String(), Type.Null()]),
  nameKu: Type.Union([Type.String(), Type.Null()]),
  governorates: Type.Array(Type.String()),
  currentFocalPoints: Type.Array(
    Type.Object({ positionId: Uuid, personId: Uuid, name: Type.String(), title: Type.String(), since: NullableDate }),
  ),
  hiddenFocalPoints: Type.Integer({ description: "current focal points outside the caller's governorates, not listed" }),
  lastInteraction: Type.Union([Type.Object({ id: Uuid, date: DateOnly, kind: literalUnion(INTERACTION_KINDS) }), Type.Null()]),
  lastEventAttendance: Type.Union([Type.Object({ eventId: Uuid, date: DateOnly, title: Type.String() }), Type.Null()]),
  lastContactOn: NullableDate,
  daysSinceLastContact: Type.Union([Type.Integer(), Type.Null()]),
  interactionCount: Type.Integer({ description: 'in the period' }),
  eventAttendanceCount: Type.Integer({ description: 'events attended in the period' }),
  status: Status,
});
export type PartnershipDto = Static<typeof PartnershipSchema>;

export const PartnershipListSchema = Type.Object({
  items: Type.Array(PartnershipSchema),
  total: Type.Integer(),
  limit: Type.Integer(),
  offset: Type.Integer(),
  period: PeriodSchema,
  asOf: DateOnly,
  thresholds: ThresholdsSchema,
  totals: Type.Object({
    byStatus: StatusCountsSchema,
    byGovernorate: Type.Array(Type.Object({ governorate: Type.String(), total: Type.Integer(), ...StatusCounts })),
  }),
});
export type PartnershipListDto = Static<typeof PartnershipListSchema>;

const filterFields = {
  governorate: Type.Optional(GovernorateCode),
  status: Type.Optional(Status),
  q: Type.Optional(Type.String({ maxLength: 200 })),
  from: Type.Optional(DateOnly),
  to: Type.Optional(DateOnly),
  sort: Type.Optional(literalUnion(PARTNERSHIP_SORTS)),
  order: Type.Optional(literalUnion(['asc', 'desc'] as const)),
};

export const ListPartnershipsQuery = Type.Object(
  {
    ...filterFields,
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
    offset: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }),
  },
  { additionalProperties: false },
);
export type ListPartnershipsFilter = Static<typeof ListPartnershipsQuery>;

export const ExportPartnershipsQuery = Type.Object(
  {
    ...filterFields,
    format: literalUnion(['csv', 'xlsx'] as const),
    lang: Type.Optional(literalUnion(LANGUAGES)),
  },
  { additionalProperties: false },
);
export type ExportPartnershipsFilter = Static<typeof ExportPartnershipsQuery>;
