import { Type, type Static } from 'typebox';
import { GovernorateCode, Uuid, literalUnion } from '../../http/common.schemas.js';
import { DateOnly } from '../../http/dates.js';
import { LANGUAGES } from '../../domain/language.js';
import { CONTACT_KINDS, GENDERS } from '../../domain/contact-kinds.js';
import { EVENT_TYPES } from '../../domain/events/vocabulary.js';
import { NO_GOVERNORATE, UNKNOWN_GENDER } from '../../domain/programmes/report-links.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Count = Type.Integer({ minimum: 0 });
const Link = Type.String({ description: 'app path of the list behind this figure' });
const Day = (description: string) => Type.String({ ...DateOnly, description });

const Period = {
  from: Type.Optional(Day('first day, Baghdad calendar (default: the programme start)')),
  to: Type.Optional(Day('last day, inclusive (default: today)')),
};

export const ReportQuery = Type.Object(
  {
    ...Period,
    format: Type.Optional(literalUnion(['json', 'xlsx'] as const)),
    lang: Type.Optional(literalUnion(LANGUAGES)),
  },
  { additionalProperties: false },
);
export type ReportFilter = Static<typeof ReportQuery>;

const GenderCounts = Type.Object({ female: Count, male: Count, unknown: Count, total: Count });
const GenderLinks = Type.Object({ female: Link, male: Link, unknown: Link, total: Link });
const Figure = { people: GenderCounts, attendances: Count, links: GenderLinks };
const Governorate = Nullable(Type.String({ description: 'null: the attendance counts for no governorate' }));
const Kind = literalUnion(CONTACT_KINDS);

export const ReportSchema = Type.Object({
  programme: Type.Object({
    id: Uuid,
    nameAr: Type.String(),
    nameEn: Nullable(Type.String()),
    nameKu: Nullable(Type.String()),
    startsOn: Type.String(),
    endsOn: Nullable(Type.String()),
  }),
  period: Type.Object({ from: Type.String(), to: Type.String() }),
  scope: Type.Object({
    governorates: Type.Union([Type.Array(Type.String()), Type.Null()], {
      description: "null: every governorate; otherwise the report counts only these (the caller's scope)",
    }),
  }),
  attendance: Type.Object({
    rows: Type.Array(Type.Object({ governorate: Governorate, kind: Kind, ...Figure })),
    byGovernorate: Type.Array(Type.Object({ governorate: Governorate, ...Figure })),
    byKind: Type.Array(Type.Object({ kind: Kind, ...Figure })),
    total: Type.Object(Figure),
  }),
  reached: Type.Object({
    total: Count,
    attendees: Count,
    listed: Count,
    unnamedRepresentatives: Count,
    links: Type.Object({ attendees: Link }),
  }),
  events: Type.Array(
    Type.Object({
      id: Uuid,
      title: Type.String(),
      type: literalUnion(EVENT_TYPES),
      startsOn: Type.String(),
      endsOn: Type.String(),
      governorate: Nullable(Type.String()),
      people: GenderCounts,
      link: Link,
      attendeesLink: Link,
    }),
  ),
  governmentBodies: Type.Array(
    Type.Object({
      id: Uuid,
      name: Type.String(),
      governorates: Type.Array(Type.String()),
      events: Count,
      interactions: Count,
      link: Link,
    }),
  ),
  newActivists: Type.Object({
    count: Count,
    link: Link,
    items: Type.Array(
      Type.Object({
        id: Uuid,
        name: Type.String(),
        gender: Nullable(literalUnion(GENDERS)),
        firstOn: Type.String(),
        firstEventId: Uuid,
        link: Link,
      }),
      { description: 'the first 100 by date of first attendance; count is every one, the link lists them all' },
    ),
  }),
});
export type ReportDto = Static<typeof ReportSchema>;

export const PeopleQuery = Type.Object(
  {
    ...Period,
    governorate: Type.Optional(Type.Union([GovernorateCode, Type.Literal(NO_GOVERNORATE)])),
    kind: Type.Optional(Kind),
    gender: Type.Optional(Type.Union([literalUnion(GENDERS), Type.Literal(UNKNOWN_GENDER)])),
    newActivists: Type.Optional(Type.Boolean()),
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
    offset: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }),
  },
  { additionalProperties: false },
);
export type PeopleFilter = Static<typeof PeopleQuery>;

export const PeopleListSchema = Type.Object({
  period: Type.Object({ from: Type.String(), to: Type.String() }),
  total: Count,
  items: Type.Array(
    Type.Object({
      id: Uuid,
      name: Type.String(),
      kind: Kind,
      gender: Nullable(literalUnion(GENDERS)),
      attendances: Count,
      link: Link,
    }),
  ),
});
export type PeopleListDto = Static<typeof PeopleListSchema>;
