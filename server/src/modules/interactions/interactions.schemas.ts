import { Type, type Static } from 'typebox';
import { DateTime, GovernorateCode, Uuid, Version, literalUnion } from '../../http/common.schemas.js';
import { DateOnly, NullableDate } from '../../http/dates.js';
import { VISIBLE_TEXT_PATTERN } from '../../domain/text/clean-text.js';
import { INTERACTION_KINDS } from '../../domain/interaction-kinds.js';
import { CONTACT_KINDS } from '../../domain/contact-kinds.js';
import { ProgrammeIds } from '../programme-refs/programme-refs.schemas.js';

const Kind = literalUnion(INTERACTION_KINDS);
const Summary = Type.String({ minLength: 1, maxLength: 5000, pattern: VISIBLE_TEXT_PATTERN });
const ContactIds = Type.Array(Uuid, { minItems: 1, maxItems: 50, uniqueItems: true });

export const InteractionSchema = Type.Object({
  id: Uuid,
  kind: Kind,
  occurredOn: DateOnly,
  summary: Type.String(),
  followUpOn: NullableDate,
  followUpDone: Type.Boolean(),
  needsFollowUp: Type.Boolean({ description: 'a follow-up date today or earlier that is not done' }),
  participants: Type.Array(Type.Object({ id: Uuid, name: Type.String(), kind: literalUnion(CONTACT_KINDS) })),
  hiddenParticipants: Type.Integer({ description: "participants outside the caller's governorates, not listed" }),
  programmeIds: Type.Array(Uuid, { description: 'the programmes it is attributed to that the caller sees' }),
  loggedBy: Type.Union([Uuid, Type.Null()]),
  createdAt: DateTime,
  updatedAt: DateTime,
  version: Type.Integer(),
});
export type InteractionDto = Static<typeof InteractionSchema>;

export const InteractionListSchema = Type.Object({
  items: Type.Array(InteractionSchema),
  total: Type.Integer(),
  limit: Type.Integer(),
  offset: Type.Integer(),
});

export const ListInteractionsQuery = Type.Object(
  {
    contact: Type.Optional(Uuid),
    from: Type.Optional(DateOnly),
    to: Type.Optional(DateOnly),
    needsFollowUp: Type.Optional(Type.Boolean()),
    overdue: Type.Optional(Type.Boolean({ description: 'true: follow-up date before today and not done; false: everything else' })),
    governorate: Type.Optional(GovernorateCode),
    mine: Type.Optional(Type.Boolean({ description: 'true: only the interactions the caller logged' })),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    offset: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }),
  },
  { additionalProperties: false },
);
export type ListInteractionsFilter = Static<typeof ListInteractionsQuery>;

export const CreateInteractionBody = Type.Object(
  {
    kind: Kind,
    occurredOn: DateOnly,
    summary: Summary,
    contactIds: ContactIds,
    followUpOn: Type.Optional(NullableDate),
    followUpDone: Type.Optional(Type.Boolean()),
    programmeIds: Type.Optional(ProgrammeIds),
  },
  { additionalProperties: false },
);
export type CreateInteractionInput = Static<typeof CreateInteractionBody>;

export const UpdateInteractionBody = Type.Object(
  {
    version: Version,
    kind: Type.Optional(Kind),
    occurredOn: Type.Optional(DateOnly),
    summary: Type.Optional(Summary),
    contactIds: Type.Optional(ContactIds),
    followUpOn: Type.Optional(NullableDate),
    followUpDone: Type.Optional(Type.Boolean()),
    programmeIds: Type.Optional(ProgrammeIds),
  },
  { additionalProperties: false },
);
export type UpdateInteractionInput = Static<typeof UpdateInteractionBody>;

export const DeleteInteractionQuery = Type.Object({ version: Type.Optional(Version) }, { additionalProperties: false });
export type InteractionListDto = Static<typeof InteractionListSchema>;
