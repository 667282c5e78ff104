import { Type, type Static } from 'typebox';
import { DateTime, Uuid, literalUnion } from '../../http/common.schemas.js';
import type { FieldValue } from '../../domain/history/field-changes.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const HistoryQuery = Type.Object(
  {
    before: Type.Optional(Type.String({ pattern: '^[0-9]{1,19}$', description: 'the nextBefore of the previous page' })),
    limit: Type.Integer({ minimum: 1, maximum: 100, default: 50 }),
  },
  { additionalProperties: false },
);
export type HistoryQueryInput = Static<typeof HistoryQuery>;

export const HISTORY_LINK_KINDS = ['import', 'merge', 'bulk', 'replaced_by', 'replaces'] as const;

const HistoryFieldSchema = Type.Object({
  field: Type.String({ description: 'the stored field, e.g. title, phones, status' }),
  old: Type.Unsafe<FieldValue>({ description: 'JSON value before; contacts are named, not given by id' }),
  new: Type.Unsafe<FieldValue>({ description: 'JSON value after' }),
  hidden: Type.Boolean({
    description:
      "true when the caller may not see this value (a restricted contact's phones, emails, notes; a contact outside their governorates): old and new are null",
  }),
});

export const HistoryEntrySchema = Type.Object({
  id: Type.String(),
  at: DateTime,
  user: Nullable(Type.Object({ id: Uuid, name: Type.String() })),
  action: Type.String({ description: 'create, update, delete, merge, undo, restore, …' }),
  entity: Type.Object({ type: Type.String(), id: Uuid, label: Nullable(Type.String()) }),
  /** Empty for entries written before values were kept: changedFields still names the fields. */
  fields: Type.Array(HistoryFieldSchema),
  changedFields: Type.Array(Type.String()),
  link: Nullable(Type.Object({ kind: literalUnion(HISTORY_LINK_KINDS), id: Type.String(), count: Type.Optional(Type.Integer()) })),
});
export type HistoryEntryDto = Static<typeof HistoryEntrySchema>;

export const HistoryPageSchema = Type.Object({
  items: Type.Array(HistoryEntrySchema),
  nextBefore: Nullable(Type.String()),
});
export type HistoryPageDto = Static<typeof HistoryPageSchema>;
