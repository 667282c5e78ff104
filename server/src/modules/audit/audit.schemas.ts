import { Type, type Static } from 'typebox';
import { DateTime, Uuid, literalUnion } from '../../http/common.schemas.js';
import { DateOnly } from '../../http/dates.js';
import { AUDIT_ACTION_GROUPS, AUDIT_ENTITY_TYPES } from '../../domain/audit/audit-actions.js';

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);
const UserRef = Type.Union([Type.Object({ id: Uuid, name: Type.String() }), Type.Null()], {
  description: 'null when nobody was signed in (a failed sign-in) or the account is gone',
});

export const AuditQuery = Type.Object(
  {
    userId: Type.Optional(Uuid),
    action: Type.Optional(literalUnion(AUDIT_ACTION_GROUPS)),
    entityType: Type.Optional(literalUnion(AUDIT_ENTITY_TYPES)),
    entityId: Type.Optional(Uuid),
    from: Type.Optional(DateOnly),
    to: Type.Optional(DateOnly),
    cursor: Type.Optional(Type.String({ maxLength: 200, description: 'nextCursor of the previous page' })),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
  },
  { additionalProperties: false },
);
export type AuditFilter = Static<typeof AuditQuery>;

export const ExportSummarySchema = Type.Object({
  format: Nullable(Type.String()),
  rows: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
  filters: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
});

export const AuditEntrySchema = Type.Object({
  id: Type.String({ description: 'the row id (a big integer, as text)' }),
  at: DateTime,
  user: UserRef,
  action: Type.String(),
  entity: Type.Object({
    type: Type.String(),
    id: Nullable(Uuid),
    label: Nullable(Type.String({ description: "the contact's or user's name, the event's title; null for other records or when gone" })),
  }),
  changedFields: Type.Array(Type.String()),
  details: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()], {
    description: 'what the service recorded, without lists of exported ids (their number is in export.rows)',
  }),
  export: Type.Union([ExportSummarySchema, Type.Null()], { description: 'for exports: format, filters and number of rows' }),
  address: Nullable(Type.String()),
});
export type AuditEntryDto = Static<typeof AuditEntrySchema>;

export const AuditPageSchema = Type.Object({
  items: Type.Array(AuditEntrySchema),
  nextCursor: Nullable(Type.String()),
  scope: Type.Union([Type.Array(Type.String()), Type.Null()], {
    description: "the governorates the caller's view is limited to; null = the whole log",
  }),
});
export type AuditPageDto = Static<typeof AuditPageSchema>;

export const NeedsALookQuery = Type.Object({ day: Type.Optional(DateOnly) }, { additionalProperties: false });
export type NeedsALookFilter = Static<typeof NeedsALookQuery>;

export const NEEDS_A_LOOK_KINDS = ['restricted_access', 'failed_sign_ins', 'many_addresses'] as const;

export const NeedsALookSchema = Type.Object({
  day: DateOnly,
  thresholds: Type.Object({ restricted: Type.Integer(), failedLogins: Type.Integer(), addresses: Type.Integer() }),
  items: Type.Array(
    Type.Object({
      kind: literalUnion(NEEDS_A_LOOK_KINDS),
      user: UserRef,
      address: Type.Union([Type.String(), Type.Null()], {
        description: 'failed sign-ins for no known account: the address they came from',
      }),
      count: Type.Integer({ minimum: 0 }),
    }),
  ),
});
export type NeedsALookDto = Static<typeof NeedsALookSchema>;

export const AccessLogQuery = Type.Object(
  { limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }) },
  { additionalProperties: false },
);

export const AccessLogSchema = Type.Object({
  restricted: Type.Boolean({ description: 'false: the contact is not restricted, its views are not recorded, items is empty' }),
  items: Type.Array(
    Type.Object({
      at: DateTime,
      user: UserRef,
      action: Type.String({ description: 'view or export' }),
      export: Type.Union([ExportSummarySchema, Type.Null()]),
    }),
  ),
});
export type AccessLogDto = Static<typeof AccessLogSchema>;
