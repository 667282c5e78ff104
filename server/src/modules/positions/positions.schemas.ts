import { Type, type Static } from 'typebox';
import { DateTime, Uuid, Version, literalUnion } from '../../http/common.schemas.js';
import { CONTACT_KINDS } from '../../domain/contact-kinds.js';
import { DateOnly, NullableDate } from '../../http/dates.js';
import { VISIBLE_TEXT_PATTERN } from '../../domain/text/clean-text.js';

const Title = Type.String({ minLength: 1, maxLength: 300, pattern: VISIBLE_TEXT_PATTERN });
const Note = Type.Union([Type.String({ maxLength: 2000 }), Type.Null()]);

export const ContactBriefSchema = Type.Object({ id: Uuid, name: Type.String(), kind: literalUnion(CONTACT_KINDS) });

export const PositionSchema = Type.Object({
  id: Uuid,
  person: ContactBriefSchema,
  organization: ContactBriefSchema,
  title: Type.String(),
  isFocalPoint: Type.Boolean(),
  startDate: NullableDate,
  endDate: Type.Union([DateOnly, Type.Null()], { description: 'null while the position is held' }),
  current: Type.Boolean(),
  note: Type.Union([Type.String(), Type.Null()]),
  createdAt: DateTime,
  updatedAt: DateTime,
  version: Type.Integer(),
});
export type PositionDto = Static<typeof PositionSchema>;

export const PositionListSchema = Type.Object({ items: Type.Array(PositionSchema) });

export const ListPositionsQuery = Type.Object(
  {
    contact: Type.Optional(Uuid),
    organization: Type.Optional(Uuid),
    current: Type.Optional(Type.Boolean()),
    focalPoint: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ListPositionsFilter = Static<typeof ListPositionsQuery>;

export const CreatePositionBody = Type.Object(
  {
    personId: Uuid,
    organizationId: Uuid,
    title: Title,
    isFocalPoint: Type.Optional(Type.Boolean()),
    startDate: Type.Optional(NullableDate),
    endDate: Type.Optional(NullableDate),
    note: Type.Optional(Note),
  },
  { additionalProperties: false },
);
export type CreatePositionInput = Static<typeof CreatePositionBody>;

export const UpdatePositionBody = Type.Object(
  {
    version: Version,
    title: Type.Optional(Title),
    isFocalPoint: Type.Optional(Type.Boolean()),
    startDate: Type.Optional(NullableDate),
    endDate: Type.Optional(NullableDate),
    note: Type.Optional(Note),
  },
  { additionalProperties: false },
);
export type UpdatePositionInput = Static<typeof UpdatePositionBody>;

export const ReplacePositionBody = Type.Object(
  {
    person: Uuid,
    startDate: DateOnly,
    title: Type.Optional(Title),
    isFocalPoint: Type.Optional(Type.Boolean()),
    version: Type.Optional(Version),
  },
  { additionalProperties: false },
);
export type ReplacePositionInput = Static<typeof ReplacePositionBody>;

export const ReplacePositionResult = Type.Object({ ended: PositionSchema, created: PositionSchema });

export const DeleteQuery = Type.Object({ version: Type.Optional(Version) }, { additionalProperties: false });
export type ContactBriefDto = Static<typeof ContactBriefSchema>;
export type ReplacePositionResultDto = Static<typeof ReplacePositionResult>;
