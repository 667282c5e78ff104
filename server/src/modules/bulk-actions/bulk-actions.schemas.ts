import { Type, type Static } from 'typebox';
import { GovernorateCode, Uuid, literalUnion } from '../../http/common.schemas.js';
import { LANGUAGES } from '../../domain/language.js';
import { SENSITIVITIES } from '../../domain/contact-kinds.js';
import { INVITATION_ROLES } from '../../domain/events/vocabulary.js';
import { BULK_ACTIONS, MAX_BULK_CONTACTS, MAX_TAGS, PREVIEW_SAMPLE } from '../../domain/bulk-actions.js';
import { ContactFilterSchema } from '../contacts/contact-list.schemas.js';
import { NullableDate } from '../../http/dates.js';
import { Priority, Title } from '../tasks/tasks.schemas.js';

/** The contacts list's filter (the one a saved segment stores): "all N matching" acts on what the list would show. */
export const BulkFilter = ContactFilterSchema;

export const BulkSelection = Type.Union([
  Type.Object({ ids: Type.Array(Uuid, { minItems: 1, maxItems: MAX_BULK_CONTACTS, uniqueItems: true }) }, { additionalProperties: false }),
  Type.Object({ filter: BulkFilter }, { additionalProperties: false }),
  Type.Object({ segmentId: Uuid }, { additionalProperties: false }),
]);
export type BulkSelectionInput = Static<typeof BulkSelection>;

const Tag = Type.String({ minLength: 1, maxLength: 60 });

/**
 * One body for every action; each action names the parameters it needs (a missing one is a 400 naming it).
 * Flat rather than one schema per action, so a wrong action or parameter gets one clear error, not a union's list.
 */
export const BulkActionBody = Type.Object(
  {
    action: literalUnion(BULK_ACTIONS),
    selection: BulkSelection,
    dryRun: Type.Optional(Type.Boolean({ description: 'answer the preview (count, changes, a sample) and change nothing' })),
    tags: Type.Optional(Type.Array(Tag, { minItems: 1, maxItems: MAX_TAGS, description: 'addTags, removeTags' })),
    governorate: Type.Optional(GovernorateCode),
    sensitivity: Type.Optional(literalUnion(SENSITIVITIES)),
    eventId: Type.Optional(Uuid),
    role: Type.Optional(literalUnion(INVITATION_ROLES)),
    status: Type.Optional(literalUnion(['proposed', 'invited'] as const)),
    skipExisting: Type.Optional(
      Type.Boolean({ description: 'addToEvent: leave out who is already on the list (else 409 INVITATION_EXISTS)' }),
    ),
    allowOverCapacity: Type.Optional(Type.Boolean({ description: 'addToEvent: add past the capacity (else 409 CAPACITY_EXCEEDED)' })),
    allowOverQuota: Type.Optional(Type.Boolean({ description: 'addToEvent: add past a quota maximum (else 409 QUOTA_MAXIMUM)' })),
    taskTitle: Type.Optional({ ...Title, description: 'assignTask: one open task per contact, with this title' }),
    assigneeId: Type.Optional({ ...Uuid, description: 'assignTask: who follows up (must cover every contact)' }),
    dueOn: Type.Optional(NullableDate),
    priority: Type.Optional(Priority),
    format: Type.Optional(literalUnion(['csv', 'xlsx'] as const)),
    lang: Type.Optional(literalUnion(LANGUAGES)),
    columns: Type.Optional(Type.String({ maxLength: 4000, description: 'export: comma-separated columns, as GET /contacts/export' })),
  },
  { additionalProperties: false },
);
export type BulkActionInput = Static<typeof BulkActionBody>;

const Values = Type.Array(Type.String(), { description: 'tags, governorate codes, [sensitivity] or [invitation status], by action' });

export const BulkSampleSchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  before: Values,
  after: Values,
});
export type BulkSampleDto = Static<typeof BulkSampleSchema>;

export const BulkResultSchema = Type.Object({
  action: literalUnion(BULK_ACTIONS),
  dryRun: Type.Boolean(),
  /** Contacts in the selection. */
  count: Type.Integer(),
  /** Contacts the action changes (or would): the others already are as asked, or were skipped. */
  changed: Type.Integer(),
  /** Up to PREVIEW_SAMPLE changed contacts, before and after. */
  sample: Type.Array(BulkSampleSchema, { maxItems: PREVIEW_SAMPLE }),
  /** moveToTrash: the trash items, for an undo one by one. */
  trashIds: Type.Optional(Type.Array(Uuid)),
});
export type BulkResultDto = Static<typeof BulkResultSchema>;
