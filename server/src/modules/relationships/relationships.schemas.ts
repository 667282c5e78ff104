import { Type, type Static } from 'typebox';
import { DateTime, GovernorateCode, Uuid, Version } from '../../http/common.schemas.js';
import { DateOnly, NullableDate } from '../../http/dates.js';
import { ContactBriefSchema, PositionSchema } from '../positions/positions.schemas.js';
import { InteractionSchema } from '../interactions/interactions.schemas.js';

const Label = Type.Object({ ar: Type.String(), en: Type.String() });
const TypeKey = Type.String({ pattern: '^[a-z][a-z0-9_]{1,39}$' });
const Strength = Type.Union([Type.Integer({ minimum: 1, maximum: 5 }), Type.Null()]);
const Note = Type.Union([Type.String({ maxLength: 2000 }), Type.Null()]);

export const RelationshipSchema = Type.Object({
  id: Uuid,
  type: Type.Object({
    id: Uuid,
    key: Type.String(),
    symmetric: Type.Boolean(),
    labels: Type.Object({ forward: Label, reverse: Label }),
  }),
  from: ContactBriefSchema,
  to: ContactBriefSchema,
  startDate: NullableDate,
  endDate: NullableDate,
  active: Type.Boolean(),
  strength: Strength,
  note: Type.Union([Type.String(), Type.Null()]),
  createdAt: DateTime,
  updatedAt: DateTime,
  version: Type.Integer(),
});
export type RelationshipDto = Static<typeof RelationshipSchema>;

export const RelationshipListSchema = Type.Object({ items: Type.Array(RelationshipSchema) });

export const ListRelationshipsQuery = Type.Object(
  {
    contact: Type.Optional(Uuid),
    type: Type.Optional(TypeKey),
    active: Type.Optional(Type.Boolean()),
    governorate: Type.Optional(GovernorateCode),
    from: Type.Optional(DateOnly),
    to: Type.Optional(DateOnly),
  },
  { additionalProperties: false, description: 'governorate: either contact is there; from/to: the relationship overlaps the period' },
);
export type ListRelationshipsFilter = Static<typeof ListRelationshipsQuery>;

export const CreateRelationshipBody = Type.Object(
  {
    type: TypeKey,
    fromContactId: Uuid,
    toContactId: Uuid,
    startDate: Type.Optional(NullableDate),
    endDate: Type.Optional(NullableDate),
    strength: Type.Optional(Strength),
    note: Type.Optional(Note),
  },
  { additionalProperties: false },
);
export type CreateRelationshipInput = Static<typeof CreateRelationshipBody>;

export const UpdateRelationshipBody = Type.Object(
  {
    version: Version,
    startDate: Type.Optional(NullableDate),
    endDate: Type.Optional(NullableDate),
    strength: Type.Optional(Strength),
    note: Type.Optional(Note),
  },
  { additionalProperties: false },
);
export type UpdateRelationshipInput = Static<typeof UpdateRelationshipBody>;

export const DeleteRelationshipQuery = Type.Object({ version: Type.Optional(Version) }, { additionalProperties: false });

/** A relationship as one of its contacts sees it. */
export const ConnectionSchema = Type.Object({
  id: Uuid,
  type: Type.Object({
    key: Type.String(),
    symmetric: Type.Boolean(),
    direction: Type.Union([Type.Literal('from'), Type.Literal('to')], { description: "this contact is the relationship's from or to" }),
    label: Label,
  }),
  otherContact: ContactBriefSchema,
  startDate: NullableDate,
  endDate: NullableDate,
  active: Type.Boolean(),
  strength: Strength,
  note: Type.Union([Type.String(), Type.Null()]),
  version: Type.Integer(),
});
export type ConnectionDto = Static<typeof ConnectionSchema>;

export const ConnectionsSchema = Type.Object({
  contact: ContactBriefSchema,
  positions: Type.Array(PositionSchema, { description: "positions in this organisation, current first: the office's history" }),
  heldPositions: Type.Array(PositionSchema, { description: 'positions this person holds or held, current first' }),
  currentFocalPoints: Type.Array(PositionSchema, { description: 'current focal-point positions in this organisation' }),
  relationships: Type.Array(ConnectionSchema),
  interactions: Type.Array(InteractionSchema, { description: 'the 20 most recent, newest first' }),
  focalPointWithoutCurrentPosition: Type.Boolean(),
});
export type ConnectionsDto = Static<typeof ConnectionsSchema>;
