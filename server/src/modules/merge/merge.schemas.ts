import { Type, type Static } from 'typebox';
import { Uuid } from '../../http/common.schemas.js';
import { ContactSchema } from '../contacts/contacts.schemas.js';

/**
 * Fields chosen from one contact as a whole; phones, emails, tags and governorates are always united. sensitivity is
 * accepted but cannot lower it: the result is restricted whenever any of the contacts was.
 */
export const MERGE_FIELDS = [
  'name',
  'nameLatin',
  'nameKu',
  'nameParts',
  'kind',
  'subtype',
  'gender',
  'notes',
  'sensitivity',
  'source',
  'consentNote',
] as const;

export const MergeBody = Type.Object(
  {
    survivorId: Uuid,
    mergedIds: Type.Array(Uuid, { minItems: 1, maxItems: 10, uniqueItems: true }),
    fields: Type.Optional(
      Type.Object(Object.fromEntries(MERGE_FIELDS.map((f) => [f, Type.Optional(Uuid)])), { additionalProperties: false }),
    ),
    versions: Type.Record(Type.String({ format: 'uuid' }), Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);
export type MergeInput = Static<typeof MergeBody>;

export const MergeCountsSchema = Type.Object({
  positions: Type.Integer(),
  relationships: Type.Integer(),
  relationshipsDropped: Type.Integer(),
  interactions: Type.Integer(),
  invitations: Type.Integer(),
  invitationsDropped: Type.Integer(),
  groupFacilitators: Type.Integer(),
  suggestionDismissals: Type.Integer(),
  auditRows: Type.Integer(),
});
export type MergeCounts = Static<typeof MergeCountsSchema>;

export const MergeResultSchema = Type.Object({
  contact: ContactSchema,
  merged: Type.Array(Uuid),
  moved: MergeCountsSchema,
  /** The trash item that undoes this merge (POST /api/merges/{undoId}/undo) within TRASH_DAYS. */
  undoId: Uuid,
});
export type MergeResultDto = Static<typeof MergeResultSchema>;
