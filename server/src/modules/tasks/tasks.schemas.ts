import { Type, type Static } from 'typebox';
import { DateTime, Uuid, Version, literalUnion } from '../../http/common.schemas.js';
import { DateOnly, NullableDate } from '../../http/dates.js';
import { VISIBLE_TEXT_PATTERN } from '../../domain/text/clean-text.js';
import { CONTACT_KINDS } from '../../domain/contact-kinds.js';
import { INTERACTION_KINDS } from '../../domain/interaction-kinds.js';
import { TASK_PRIORITIES, TASK_STATES, TASK_TITLE_MAX } from '../../domain/tasks/vocabulary.js';
import { ProgrammeIds } from '../programme-refs/programme-refs.schemas.js';

export const Priority = literalUnion(TASK_PRIORITIES);
const State = literalUnion(TASK_STATES);
export const Title = Type.String({ minLength: 1, maxLength: TASK_TITLE_MAX, pattern: VISIBLE_TEXT_PATTERN });
const Notes = Type.Union([Type.String({ maxLength: 5000 }), Type.Null()]);
const Person = Type.Union([Type.Object({ id: Uuid, name: Type.String() }), Type.Null()]);

export const TaskSchema = Type.Object({
  id: Uuid,
  title: Type.String(),
  /** Null when hidden: the task is about a restricted contact and the caller's role may not see its details. */
  notes: Type.Union([Type.String(), Type.Null()]),
  notesHidden: Type.Boolean(),
  assignee: Person,
  createdBy: Person,
  dueOn: NullableDate,
  priority: Priority,
  state: State,
  overdue: Type.Boolean({ description: 'open and due before today' }),
  contact: Type.Union([
    Type.Object({ id: Uuid, name: Type.String(), kind: literalUnion(CONTACT_KINDS), restricted: Type.Boolean() }),
    Type.Null(),
  ]),
  contactHidden: Type.Boolean({ description: "linked to a contact outside the caller's governorates, not named" }),
  interaction: Type.Union([Type.Object({ id: Uuid, kind: literalUnion(INTERACTION_KINDS), occurredOn: DateOnly }), Type.Null()]),
  event: Type.Union([Type.Object({ id: Uuid, title: Type.String() }), Type.Null()]),
  programmeIds: Type.Array(Uuid, { description: 'the programmes it is attributed to that the caller sees' }),
  completedAt: Type.Union([DateTime, Type.Null()]),
  createdAt: DateTime,
  updatedAt: DateTime,
  version: Type.Integer(),
});
export type TaskDto = Static<typeof TaskSchema>;

export const TaskListSchema = Type.Object({
  items: Type.Array(TaskSchema),
  total: Type.Integer(),
  limit: Type.Integer(),
  offset: Type.Integer(),
});
export type TaskListDto = Static<typeof TaskListSchema>;

export const ListTasksQuery = Type.Object(
  {
    assignee: Type.Optional(Type.Union([Type.Literal('me'), Uuid], { description: "'me' or a user's id" })),
    state: Type.Optional(State),
    contactId: Type.Optional(Uuid),
    eventId: Type.Optional(Uuid),
    overdue: Type.Optional(Type.Boolean({ description: 'true: open and due before today; false: everything else' })),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    offset: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }),
  },
  { additionalProperties: false },
);
export type ListTasksFilter = Static<typeof ListTasksQuery>;

export const CreateTaskBody = Type.Object(
  {
    title: Title,
    notes: Type.Optional(Notes),
    assigneeId: Type.Optional(Type.String({ format: 'uuid', description: 'defaults to the caller' })),
    dueOn: Type.Optional(NullableDate),
    priority: Type.Optional(Priority),
    contactId: Type.Optional(Uuid),
    interactionId: Type.Optional(Uuid),
    eventId: Type.Optional(Uuid),
    programmeIds: Type.Optional(ProgrammeIds),
  },
  { additionalProperties: false },
);
export type CreateTaskInput = Static<typeof CreateTaskBody>;

export const UpdateTaskBody = Type.Object(
  {
    version: Version,
    title: Type.Optional(Title),
    notes: Type.Optional(Notes),
    assigneeId: Type.Optional(Uuid),
    dueOn: Type.Optional(NullableDate),
    priority: Type.Optional(Priority),
    state: Type.Optional(State),
    programmeIds: Type.Optional(ProgrammeIds),
  },
  { additionalProperties: false },
);
export type UpdateTaskInput = Static<typeof UpdateTaskBody>;

export const TaskSummarySchema = Type.Object({
  open: Type.Integer({ description: 'open tasks assigned to the caller' }),
  overdue: Type.Integer({ description: 'of those, due before today' }),
});
export type TaskSummaryDto = Static<typeof TaskSummarySchema>;

export const AssigneesQuery = Type.Object(
  { contactId: Type.Optional(Uuid), interactionId: Type.Optional(Uuid), eventId: Type.Optional(Uuid) },
  { additionalProperties: false },
);
export const AssigneeListSchema = Type.Object({ items: Type.Array(Type.Object({ id: Uuid, name: Type.String() })) });
export type AssigneeListDto = Static<typeof AssigneeListSchema>;
