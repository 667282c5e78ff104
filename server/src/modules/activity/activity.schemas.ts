import { Type, type Static } from 'typebox';
import { DateTime, Uuid, literalUnion } from '../../http/common.schemas.js';
import { ACTIVITY_KINDS } from '../../domain/tasks/vocabulary.js';

const Ref = Type.Union([Type.Object({ id: Uuid, name: Type.String() }), Type.Null()]);

export const ActivityItemSchema = Type.Object({
  kind: literalUnion(ACTIVITY_KINDS),
  at: DateTime,
  by: Ref,
  /** The new contact; the interaction's first participant the caller may see; the organisation whose focal point changed. */
  contact: Ref,
  /** interaction_logged: the interaction (name = its kind); focal_point_replaced: the new focal point; event_held: the event. */
  subject: Ref,
  /** focal_point_replaced: the focal point whose position ended. */
  previous: Ref,
});
export type ActivityItemDto = Static<typeof ActivityItemSchema>;

export const ActivityListSchema = Type.Object({
  items: Type.Array(ActivityItemSchema),
  total: Type.Integer(),
  limit: Type.Integer(),
  offset: Type.Integer(),
  since: DateTime,
});
export type ActivityListDto = Static<typeof ActivityListSchema>;

export const ActivityQuery = Type.Object(
  {
    days: Type.Integer({ minimum: 1, maximum: 90, default: 7 }),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    offset: Type.Integer({ minimum: 0, maximum: 100_000, default: 0 }),
  },
  { additionalProperties: false },
);
export type ActivityQueryInput = Static<typeof ActivityQuery>;
