import { Type, type Static } from 'typebox';
import { DateTime, Uuid, Version } from '../../http/common.schemas.js';
import { ContactFilterSchema } from '../contacts/contact-list.schemas.js';

const Name = Type.String({ minLength: 1, maxLength: 120, pattern: '\\S' });

export const CreateSegmentBody = Type.Object(
  {
    name: Name,
    shared: Type.Optional(Type.Boolean({ default: false, description: 'visible to every user who may read contacts' })),
    filter: ContactFilterSchema,
  },
  { additionalProperties: false },
);
export type CreateSegmentInput = Static<typeof CreateSegmentBody>;

export const UpdateSegmentBody = Type.Object(
  { version: Version, name: Type.Optional(Name), shared: Type.Optional(Type.Boolean()), filter: Type.Optional(ContactFilterSchema) },
  { additionalProperties: false },
);
export type UpdateSegmentInput = Static<typeof UpdateSegmentBody>;

export const DeleteSegmentQuery = Type.Object({ version: Type.Optional(Version) }, { additionalProperties: false });

export const SegmentSchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  shared: Type.Boolean(),
  owner: Type.Object({ id: Uuid, name: Type.String() }),
  mine: Type.Boolean({ description: 'true when the caller owns it' }),
  canEdit: Type.Boolean({ description: 'the owner, or an administrator for a shared segment' }),
  filter: ContactFilterSchema,
  count: Type.Integer({ description: "contacts matching now, within the caller's governorates" }),
  createdAt: DateTime,
  updatedAt: DateTime,
  version: Type.Integer(),
});
export type SegmentDto = Static<typeof SegmentSchema>;

export const SegmentListSchema = Type.Object({ items: Type.Array(SegmentSchema) });
export type SegmentListDto = Static<typeof SegmentListSchema>;
