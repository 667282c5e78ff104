import { Type, type Static } from 'typebox';
import { DateTime, Uuid, literalUnion } from '../../http/common.schemas.js';
import { TRASH_ENTITY_TYPES } from '../../domain/trash/vocabulary.js';

export const TrashEntityTypeSchema = literalUnion(TRASH_ENTITY_TYPES);

export const TrashItemSchema = Type.Object({
  id: Uuid,
  entityType: TrashEntityTypeSchema,
  entityId: Uuid,
  /** null when the item is a restricted contact's (or links one) and the caller's role may not see it. */
  label: Type.Union([Type.Null(), Type.String()]),
  restricted: Type.Boolean(),
  governorates: Type.Array(Type.String()),
  deletedBy: Type.Union([Type.Null(), Type.Object({ id: Uuid, name: Type.String() })]),
  deletedAt: DateTime,
  /** When the scheduled purge removes it for good. */
  purgeAfter: DateTime,
  daysLeft: Type.Integer({ minimum: 0 }),
  /** Rows per table that come back with it, e.g. { contact: 1, position: 2, contact_governorate: 1 }. */
  counts: Type.Record(Type.String(), Type.Integer()),
});
export type TrashItemDto = Static<typeof TrashItemSchema>;

export const TrashListSchema = Type.Object({
  items: Type.Array(TrashItemSchema),
  /** TRASH_DAYS: how long things stay restorable. */
  days: Type.Integer(),
});
export type TrashListDto = Static<typeof TrashListSchema>;

export const TrashListQuery = Type.Object(
  {
    entityType: Type.Optional(TrashEntityTypeSchema),
    /** The trash item of one deleted thing, e.g. for the "Undo" right after deleting it. */
    entityId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type TrashListFilter = Static<typeof TrashListQuery>;

export const RestoreResultSchema = Type.Object({
  entityType: TrashEntityTypeSchema,
  entityId: Uuid,
  counts: Type.Record(Type.String(), Type.Integer()),
});
export type RestoreResultDto = Static<typeof RestoreResultSchema>;

export const UndoMergeResultSchema = Type.Object({
  survivorId: Uuid,
  restoredIds: Type.Array(Uuid),
});
export type UndoMergeResultDto = Static<typeof UndoMergeResultSchema>;
