import { Type, type Static } from 'typebox';
import { DateTime, Uuid, literalUnion } from '../../http/common.schemas.js';
import { DateOnly } from '../../http/dates.js';
import { CONSENT_BASES, CONSENT_FILE_TYPES, CONSENT_KINDS, CONSENT_SCOPES } from '../../domain/consent.js';

const Scope = literalUnion(CONSENT_SCOPES);
const Basis = literalUnion(CONSENT_BASES);
const Answer = literalUnion(['yes', 'no', 'unknown'] as const);

/** A new record: the JSON body, or the text fields of the multipart form that also carries the scan. */
export const CreateConsentBody = Type.Object(
  {
    kind: literalUnion(CONSENT_KINDS),
    basis: Basis,
    scopes: Type.Array(Scope, { minItems: 1, maxItems: CONSENT_SCOPES.length, uniqueItems: true }),
    recordedOn: DateOnly,
    note: Type.Optional(Type.Union([Type.String({ maxLength: 1000 }), Type.Null()])),
  },
  { additionalProperties: false },
);
export type CreateConsentInput = Static<typeof CreateConsentBody>;

export const ConsentFileSchema = Type.Object({
  mime: literalUnion(CONSENT_FILE_TYPES),
  size: Type.Integer({ minimum: 1 }),
  sha256: Type.String(),
});

export const ConsentRecordSchema = Type.Object({
  id: Uuid,
  contactId: Uuid,
  kind: literalUnion(CONSENT_KINDS),
  basis: Basis,
  scopes: Type.Array(Scope),
  recordedOn: DateOnly,
  /** Null for roles that may not see a restricted contact's notes. */
  note: Type.Union([Type.String(), Type.Null()]),
  recordedBy: Type.Union([Type.Object({ id: Uuid, name: Type.String() }), Type.Null()]),
  createdAt: DateTime,
  file: Type.Union([ConsentFileSchema, Type.Null()]),
});
export type ConsentRecordDto = Static<typeof ConsentRecordSchema>;

export const ScopeStateSchema = Type.Object({
  answer: Answer,
  recordId: Type.Union([Uuid, Type.Null()]),
  recordedOn: Type.Union([DateOnly, Type.Null()]),
  basis: Type.Union([Basis, Type.Null()]),
});

export const ConsentStateSchema = Type.Object(
  Object.fromEntries(CONSENT_SCOPES.map((s) => [s, ScopeStateSchema])) as Record<(typeof CONSENT_SCOPES)[number], typeof ScopeStateSchema>,
);

export const ConsentListSchema = Type.Object({
  /** Newest first. */
  records: Type.Array(ConsentRecordSchema),
  current: ConsentStateSchema,
  /** The contact's free-text consent line from before structured records: shown as the earlier note. */
  earlierNote: Type.Union([Type.String(), Type.Null()]),
  /** Whether the caller may open attached scans (roles that may see this contact's details). */
  canViewFiles: Type.Boolean(),
});
export type ConsentListDto = Static<typeof ConsentListSchema>;
export type ConsentStateDto = Static<typeof ConsentStateSchema>;
