import { Type, type Static } from 'typebox';
import { DateTime, Uuid, Version } from '../../http/common.schemas.js';
import { VISIBLE_TEXT_PATTERN } from '../../domain/text/clean-text.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Name = Type.String({ minLength: 1, maxLength: 200, pattern: VISIBLE_TEXT_PATTERN });
const Size = Type.Integer({ minimum: 1, maximum: 10_000 });
const SortOrder = Type.Integer({ minimum: 0, maximum: 10_000 });
const Counts = Type.Record(Type.String(), Type.Integer());

export const MixSchema = Type.Object({ governorate: Counts, kind: Counts, gender: Counts });

export const GroupSchema = Type.Object({
  id: Uuid,
  eventId: Uuid,
  name: Type.String(),
  facilitator: Nullable(Type.Object({ id: Uuid, name: Type.String() })),
  facilitatorHidden: Type.Boolean({ description: "a facilitator outside the caller's governorates: not named (facilitator is null)" }),
  size: Nullable(Type.Integer()),
  sortOrder: Type.Integer(),
  memberCount: Type.Integer(),
  mix: MixSchema,
  createdAt: DateTime,
  updatedAt: DateTime,
  version: Type.Integer(),
});
export type GroupDto = Static<typeof GroupSchema>;

export const GroupListSchema = Type.Object({ items: Type.Array(GroupSchema), unassigned: Type.Integer() });

export const CreateGroupBody = Type.Object(
  { name: Name, facilitatorId: Type.Optional(Nullable(Uuid)), size: Type.Optional(Nullable(Size)), sortOrder: Type.Optional(SortOrder) },
  { additionalProperties: false },
);
export type CreateGroupInput = Static<typeof CreateGroupBody>;

export const UpdateGroupBody = Type.Object(
  {
    version: Version,
    name: Type.Optional(Name),
    facilitatorId: Type.Optional(Nullable(Uuid)),
    size: Type.Optional(Nullable(Size)),
    sortOrder: Type.Optional(SortOrder),
  },
  { additionalProperties: false },
);
export type UpdateGroupInput = Static<typeof UpdateGroupBody>;

export const MoveGroupBody = Type.Object(
  { direction: Type.Union([Type.Literal('up'), Type.Literal('down')], { description: 'up = one place towards the first group' }) },
  { additionalProperties: false },
);

export const GroupOrderBody = Type.Object(
  { groupIds: Type.Array(Uuid, { minItems: 1, maxItems: 500, description: 'every group of the event, first to last' }) },
  { additionalProperties: false },
);

export const GroupParams = Type.Object({ id: Uuid, groupId: Uuid }, { additionalProperties: false });

export const AutoSplitBody = Type.Object({ mode: Type.Literal('confirmed') }, { additionalProperties: false });

export const AutoSplitResultSchema = Type.Object({
  groups: Type.Array(GroupSchema),
  assigned: Type.Integer(),
  unassigned: Type.Integer(),
});
export type GroupListDto = Static<typeof GroupListSchema>;
export type AutoSplitResultDto = Static<typeof AutoSplitResultSchema>;
