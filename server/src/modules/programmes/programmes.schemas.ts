import { Type, type Static } from 'typebox';
import { DateTime, GovernorateCode, Uuid, Version, literalUnion } from '../../http/common.schemas.js';
import { DateOnly, NullableDate } from '../../http/dates.js';
import { VISIBLE_TEXT_PATTERN } from '../../domain/text/clean-text.js';
import { CONTACT_KINDS, GENDERS } from '../../domain/contact-kinds.js';
import { PROGRAMME_GOALS_MAX, PROGRAMME_NAME_MAX, PROGRAMME_PARTICIPANT_ROLES } from '../../domain/programmes/vocabulary.js';

const Name = Type.String({ minLength: 1, maxLength: PROGRAMME_NAME_MAX, pattern: VISIBLE_TEXT_PATTERN });
const OptionalName = Type.Union([Name, Type.Null()]);
const Goals = Type.Union([Type.String({ maxLength: PROGRAMME_GOALS_MAX }), Type.Null()]);
const DonorIds = Type.Array(Uuid, { maxItems: 50, uniqueItems: true, description: 'organisations from the directory' });
const Governorates = Type.Array(GovernorateCode, { maxItems: 19, uniqueItems: true });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const ProgrammeDonorSchema = Type.Object({ id: Uuid, name: Type.String(), nameLatin: Nullable(Type.String()) });

const programmeFields = {
  id: Uuid,
  nameAr: Type.String(),
  nameEn: Nullable(Type.String()),
  nameKu: Nullable(Type.String()),
  startsOn: DateOnly,
  endsOn: NullableDate,
  governorates: Type.Array(Type.String()),
  donors: Type.Array(ProgrammeDonorSchema),
  hiddenDonors: Type.Integer({ description: "donors outside the caller's governorates, not listed" }),
  counts: Type.Object({
    events: Type.Integer(),
    interactions: Type.Integer(),
    tasks: Type.Integer(),
    participants: Type.Integer({ description: 'contacts marked participant or beneficiary, each once' }),
  }),
  version: Type.Integer(),
};

export const ProgrammeListItemSchema = Type.Object(programmeFields);
export type ProgrammeListItemDto = Static<typeof ProgrammeListItemSchema>;

export const ProgrammeSchema = Type.Object({
  ...programmeFields,
  goals: Nullable(Type.String()),
  createdBy: Nullable(Type.Object({ id: Uuid, name: Type.String() })),
  createdAt: DateTime,
  updatedAt: DateTime,
});
export type ProgrammeDto = Static<typeof ProgrammeSchema>;

export const ProgrammeListSchema = Type.Object({
  items: Type.Array(ProgrammeListItemSchema),
  total: Type.Integer(),
  limit: Type.Integer(),
  offset: Type.Integer(),
});
export type ProgrammeListDto = Static<typeof ProgrammeListSchema>;

export const ListProgrammesQuery = Type.Object(
  {
    governorate: Type.Optional(GovernorateCode),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    offset: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }),
  },
  { additionalProperties: false },
);
export type ListProgrammesFilter = Static<typeof ListProgrammesQuery>;

export const CreateProgrammeBody = Type.Object(
  {
    nameAr: Name,
    nameEn: Type.Optional(OptionalName),
    nameKu: Type.Optional(OptionalName),
    startsOn: DateOnly,
    endsOn: Type.Optional(NullableDate),
    goals: Type.Optional(Goals),
    donorIds: Type.Optional(DonorIds),
    governorates: Type.Optional(Governorates),
  },
  { additionalProperties: false },
);
export type CreateProgrammeInput = Static<typeof CreateProgrammeBody>;

export const UpdateProgrammeBody = Type.Object(
  {
    version: Version,
    nameAr: Type.Optional(Name),
    nameEn: Type.Optional(OptionalName),
    nameKu: Type.Optional(OptionalName),
    startsOn: Type.Optional(DateOnly),
    endsOn: Type.Optional(NullableDate),
    goals: Type.Optional(Goals),
    donorIds: Type.Optional(DonorIds),
    governorates: Type.Optional(Governorates),
  },
  { additionalProperties: false },
);
export type UpdateProgrammeInput = Static<typeof UpdateProgrammeBody>;

export const VersionQuery = Type.Object({ version: Type.Optional(Version) }, { additionalProperties: false });

const Role = literalUnion(PROGRAMME_PARTICIPANT_ROLES);

export const ParticipantSchema = Type.Object({
  contact: Type.Object({ id: Uuid, name: Type.String(), kind: literalUnion(CONTACT_KINDS), gender: Nullable(literalUnion(GENDERS)) }),
  role: Role,
  startsOn: DateOnly,
  endsOn: NullableDate,
  createdAt: DateTime,
});
export type ParticipantDto = Static<typeof ParticipantSchema>;

export const ParticipantListSchema = Type.Object({
  items: Type.Array(ParticipantSchema),
  hidden: Type.Integer({ description: "participants outside the caller's governorates, not listed" }),
});
export type ParticipantListDto = Static<typeof ParticipantListSchema>;

export const AddParticipantBody = Type.Object(
  { contactId: Uuid, role: Role, startsOn: DateOnly, endsOn: Type.Optional(NullableDate) },
  { additionalProperties: false },
);
export type AddParticipantInput = Static<typeof AddParticipantBody>;

export const ParticipantParams = Type.Object({ id: Uuid, contactId: Uuid, role: Role }, { additionalProperties: false });
