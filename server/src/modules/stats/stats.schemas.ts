import { Type, type Static } from 'typebox';
import { GovernorateCode } from '../../http/common.schemas.js';
import { DateOnly, NullableDate } from '../../http/dates.js';
import { CONTACT_KINDS } from '../../domain/contact-kinds.js';
import { PeriodSchema, StatusCountsSchema, ThresholdsSchema } from '../partnerships/partnerships.schemas.js';

const Count = Type.Integer({ minimum: 0 });
const ByKind = Type.Object(
  Object.fromEntries(CONTACT_KINDS.map((k) => [k, Count])) as Record<(typeof CONTACT_KINDS)[number], typeof Count>,
);
const ByGender = Type.Object({ female: Count, male: Count, unknown: Count });
const Month = Type.String({ pattern: '^\\d{4}-\\d{2}$' });
const Scope = Type.Union([Type.Array(Type.String()), Type.Null()], { description: "the caller's governorates; null = all" });
const Links = (names: string[]) =>
  Type.Object(Object.fromEntries(names.map((n) => [n, Type.String()])), {
    description: 'URL templates of the web lists behind the figures: fill {placeholders}, drop empty parameters',
  });

export const PeriodQuery = Type.Object({ from: Type.Optional(DateOnly), to: Type.Optional(DateOnly) }, { additionalProperties: false });
export type PeriodFilter = Static<typeof PeriodQuery>;

export const GovernorateStatsSchema = Type.Object({
  period: PeriodSchema,
  asOf: DateOnly,
  scope: Scope,
  thresholds: ThresholdsSchema,
  items: Type.Array(
    Type.Object({
      governorate: Type.String(),
      governmentBodies: Count,
      activePartnerships: Count,
      partnershipsByStatus: StatusCountsSchema,
      bodiesWithoutFocalPoint: Count,
      hasAnyGovernmentFocalPoint: Type.Boolean(),
      contactsByKind: ByKind,
      contactsTotal: Count,
      eventsHeld: Count,
      lastGovernmentContactOn: NullableDate,
      daysSinceLastGovernmentContact: Type.Union([Count, Type.Null()]),
    }),
  ),
  links: Links(['governorate', 'partnerships', 'contacts', 'events']),
});
export type GovernorateStatsDto = Static<typeof GovernorateStatsSchema>;

export const DashboardQuery = Type.Object(
  { from: Type.Optional(DateOnly), to: Type.Optional(DateOnly), governorate: Type.Optional(GovernorateCode) },
  { additionalProperties: false },
);
export type DashboardFilter = Static<typeof DashboardQuery>;

const Attendance = { invited: Count, attended: Count, byKind: ByKind, byGender: ByGender };

export const DashboardSchema = Type.Object({
  period: PeriodSchema,
  asOf: DateOnly,
  scope: Scope,
  months: Type.Array(Month),
  contacts: Type.Object({
    total: Count,
    byKind: ByKind,
    byGovernorate: Type.Array(Type.Object({ governorate: Type.String(), total: Count, byKind: ByKind })),
    newPerMonth: Type.Array(Type.Object({ month: Month, total: Count, byKind: ByKind })),
  }),
  events: Type.Object({
    totals: Type.Object({ events: Count, ...Attendance }),
    perMonth: Type.Array(Type.Object({ month: Month, events: Count, ...Attendance })),
  }),
  followUps: Type.Object({
    overdue: Count,
    byGovernorate: Type.Array(Type.Object({ governorate: Type.String(), overdue: Count })),
  }),
  links: Links(['contacts', 'newContacts', 'events', 'followUps']),
});
export type DashboardDto = Static<typeof DashboardSchema>;
