import { Type, type Static } from 'typebox';
import { DateTime, Uuid, literalUnion } from '../../http/common.schemas.js';
import { EVENT_TYPES } from '../../domain/events/vocabulary.js';
import { PROGRAMME_EVENT_STATUSES } from '../../domain/programmes/vocabulary.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

const Breakdown = (description: string) =>
  Type.Array(Type.Object({ value: Nullable(Type.String()), count: Type.Integer() }), { description });

/** Unique contacts, each counted once in the total and once in each breakdown row that applies. */
const figureFields = {
  total: Type.Integer({ description: 'unique contacts' }),
  byGovernorate: Breakdown("by the contact's first governorate (lowest code); null: none recorded"),
  byKind: Breakdown('by contact kind'),
  byGender: Breakdown('by gender; null: not recorded'),
  byMonth: Breakdown("'YYYY-MM' (UTC): a contact counts once in each month they were reached"),
};
export const FiguresSchema = Type.Object(figureFields);
export type FiguresDto = Static<typeof FiguresSchema>;

export const ProgrammeOverviewSchema = Type.Object({
  events: Type.Array(
    Type.Object({
      id: Uuid,
      title: Type.String(),
      type: literalUnion(EVENT_TYPES),
      startsAt: DateTime,
      endsAt: DateTime,
      governorate: Nullable(Type.String()),
      status: literalUnion(PROGRAMME_EVENT_STATUSES),
      invited: Type.Integer({ description: 'invitations sent (not proposed, not cancelled)' }),
      attended: Type.Integer({ description: 'people checked in' }),
    }),
  ),
  attendance: Type.Object({
    ...figureFields,
    invitations: Type.Integer({ description: "invitations sent for the programme's events" }),
  }),
  partnerships: Type.Object({
    ...figureFields,
    bodies: Type.Array(
      Type.Object({
        id: Uuid,
        name: Type.String(),
        governorates: Type.Array(Type.String()),
        events: Type.Integer(),
        interactions: Type.Integer(),
        lastMonth: Type.String(),
      }),
    ),
  }),
  reached: Type.Object(figureFields, {
    description: "checked in at the programme's events, took part in its interactions, or marked participant/beneficiary",
  }),
});
export type ProgrammeOverviewDto = Static<typeof ProgrammeOverviewSchema>;
