import { Type, type Static } from 'typebox';
import { DateTime, GovernorateCode, LanguageQuery, Uuid, literalUnion } from '../../http/common.schemas.js';
import { CONTACT_KINDS, ORGANIZATION_SUBTYPES } from '../../domain/contact-kinds.js';
import { IMPORT_DECISIONS, IMPORT_FIELDS, IMPORT_OUTCOMES } from '../../domain/imports/import-fields.js';
import { IMPORT_NOTE_CODES } from '../../domain/imports/import-notes.js';
import { CUSTOM_MAPPING_PATTERN, type CustomMappingField } from '../../domain/imports/custom-cells.js';
import { IMPORT_ACTIONS, IMPORT_FORMATS, IMPORT_STATUSES } from '../../domain/imports/import-batch.js';
import { DuplicateCandidateSchema, DuplicateReasonSchema, NullableHiddenMatches } from '../duplicates/duplicates.schemas.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
/** A contact field, or a custom field in use as `cf:<key>`; its cells are read by the field's type. */
const Field = Type.Union([
  literalUnion(IMPORT_FIELDS),
  Type.Unsafe<CustomMappingField>({ type: 'string', pattern: CUSTOM_MAPPING_PATTERN, description: 'a custom field: cf:<key>' }),
]);
const Outcome = literalUnion(IMPORT_OUTCOMES);
const Decision = literalUnion(IMPORT_DECISIONS);
const Status = literalUnion(IMPORT_STATUSES);
const Format = literalUnion(IMPORT_FORMATS);
const Encoding = Nullable(literalUnion(['utf-8', 'windows-1256'] as const));
const Delimiter = Nullable(literalUnion([',', ';', '\t'] as const));

/** A warning or note on a row: a stable code the web app translates, the English sentence, and its values. */
const NoteCode = literalUnion(IMPORT_NOTE_CODES);
export const ImportNoteSchema = Type.Object({
  code: NoteCode,
  message: Type.String(),
  params: Type.Optional(Type.Object({ name: Type.Optional(Type.String()), row: Type.Optional(Type.Integer()) })),
});

/** Applied rows by what the preview planned, what the run did and why (the code of the row's first note). */
const ResultGroupSchema = Type.Object({
  planned: literalUnion([...IMPORT_DECISIONS, 'invalid'] as const),
  action: literalUnion(IMPORT_ACTIONS),
  code: Nullable(NoteCode),
  count: Type.Integer(),
});

export const ImportDefaultsSchema = Type.Object(
  {
    kind: Type.Optional(literalUnion(CONTACT_KINDS)),
    subtype: Type.Optional(literalUnion(ORGANIZATION_SUBTYPES)),
    governorates: Type.Optional(Type.Array(GovernorateCode, { maxItems: 19, uniqueItems: true })),
  },
  { additionalProperties: false },
);

export const OutcomeCountsSchema = Type.Object({
  create: Type.Integer(),
  update: Type.Integer(),
  duplicate: Type.Integer(),
  invalid: Type.Integer(),
  blank: Type.Integer(),
});

export const ImportUploadSchema = Type.Object({
  id: Uuid,
  fileName: Type.String(),
  format: Format,
  encoding: Encoding,
  delimiter: Delimiter,
  status: Status,
  headers: Type.Array(Type.String()),
  sampleRows: Type.Array(Type.Array(Type.String())),
  rowCount: Type.Integer(),
  blankRows: Type.Integer(),
  guessedMapping: Type.Array(Field),
});

const summaryFields = {
  id: Uuid,
  fileName: Type.String(),
  format: Format,
  status: Status,
  rowCount: Type.Integer(),
  createdAt: DateTime,
  createdBy: Nullable(Type.Object({ id: Uuid, name: Type.String() })),
  committedAt: Nullable(DateTime),
};
export const ImportSummarySchema = Type.Object(summaryFields);

export const ImportSchema = Type.Object({
  ...summaryFields,
  encoding: Encoding,
  delimiter: Delimiter,
  headers: Type.Array(Type.String()),
  blankRows: Type.Integer(),
  mapping: Nullable(Type.Array(Field)),
  defaults: Nullable(ImportDefaultsSchema),
  counts: Nullable(OutcomeCountsSchema),
  progress: Type.Object({ processed: Type.Integer(), total: Type.Integer() }),
  result: Nullable(
    Type.Object({
      created: Type.Integer(),
      updated: Type.Integer(),
      skipped: Type.Integer(),
      failed: Type.Integer(),
      undone: Type.Optional(Type.Object({ deleted: Type.Integer(), restored: Type.Integer() })),
      /** The result against the preview's plan; absent on imports run before it was recorded. */
      groups: Type.Optional(Type.Array(ResultGroupSchema)),
    }),
  ),
  error: Nullable(Type.String()),
  undoneAt: Nullable(DateTime),
});
export type ImportDto = Static<typeof ImportSchema>;

export const ImportListQuery = Type.Object(
  {
    limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
    offset: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }),
  },
  { additionalProperties: false },
);
export const ImportListSchema = Type.Object({
  items: Type.Array(ImportSummarySchema),
  total: Type.Integer(),
  limit: Type.Integer(),
  offset: Type.Integer(),
});

export const PreviewBody = Type.Object(
  { mapping: Type.Array(Field, { minItems: 1, maxItems: 100 }), defaults: Type.Optional(ImportDefaultsSchema) },
  { additionalProperties: false },
);
export type PreviewInput = Static<typeof PreviewBody>;

export const ImportRowSchema = Type.Object({
  row: Type.Integer(),
  values: Type.Array(Type.String()),
  name: Nullable(Type.String()),
  outcome: Outcome,
  errors: Type.Array(
    Type.Object({
      field: Field,
      code: Type.String(),
      message: Type.String(),
      /** unknown_governorate: the governorate the value most likely meant ("did you mean …"). */
      suggestion: Type.Optional(GovernorateCode),
    }),
  ),
  warnings: Type.Array(Type.String()),
  matchedContactId: Nullable(Uuid),
  /** Null when the matched contact is no longer visible to the caller (deleted, or outside their governorates). */
  matchedContactName: Nullable(Type.String()),
  matchReason: Type.Array(DuplicateReasonSchema),
  candidates: Type.Array(DuplicateCandidateSchema),
  /**
   * Restricted contacts sharing the row's phone or email that the row does not name, because the caller (or whoever
   * previewed) may not see restricted details. Such a row is a 'duplicate' waiting for a coordinator: a coordinator
   * who previews the file again sees the contacts.
   */
  hiddenMatches: NullableHiddenMatches,
  duplicateOfRow: Nullable(Type.Integer()),
  decision: Nullable(Decision),
  action: Nullable(literalUnion(IMPORT_ACTIONS)),
  contactId: Nullable(Uuid),
  messages: Type.Array(Type.String()),
  /** warnings and messages as codes with their values, for the web app to say in the user's language. */
  notes: Type.Object({ warnings: Type.Array(ImportNoteSchema), messages: Type.Array(ImportNoteSchema) }),
});
export type ImportRowDto = Static<typeof ImportRowSchema>;

export const ImportRowsQuery = Type.Object(
  {
    outcome: Type.Optional(Outcome),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    offset: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }),
  },
  { additionalProperties: false },
);
export const ImportRowListSchema = Type.Object({
  items: Type.Array(ImportRowSchema),
  total: Type.Integer(),
  limit: Type.Integer(),
  offset: Type.Integer(),
  counts: OutcomeCountsSchema,
});

export const CommitBody = Type.Object(
  {
    defaultDecision: Type.Optional(
      Type.Object(
        {
          create: Type.Optional(literalUnion(['create', 'skip'] as const)),
          update: Type.Optional(Decision),
          duplicate: Type.Optional(Decision),
        },
        { additionalProperties: false },
      ),
    ),
    decisions: Type.Optional(
      Type.Array(
        Type.Object(
          { row: Type.Integer({ minimum: 1 }), action: Decision, contactId: Type.Optional(Uuid) },
          { additionalProperties: false },
        ),
        { maxItems: 20_000 },
      ),
    ),
  },
  { additionalProperties: false },
);
export type CommitInput = Static<typeof CommitBody>;

export const ReportQuery = Type.Object(
  {
    format: Type.Unsafe<'csv' | 'xlsx'>({ type: 'string', enum: ['csv', 'xlsx'], default: 'csv' }),
    lang: LanguageQuery,
  },
  { additionalProperties: false },
);
export type ImportDefaultsDto = Static<typeof ImportDefaultsSchema>;
export type OutcomeCountsDto = Static<typeof OutcomeCountsSchema>;
export type ImportUploadDto = Static<typeof ImportUploadSchema>;
export type ImportSummaryDto = Static<typeof ImportSummarySchema>;
export type ImportListDto = Static<typeof ImportListSchema>;
export type ImportRowListDto = Static<typeof ImportRowListSchema>;
export type ImportRowsFilter = Static<typeof ImportRowsQuery>;
