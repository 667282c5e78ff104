import { Type, type Static } from 'typebox';
import { Uuid, literalUnion } from '../../http/common.schemas.js';
import { RoleSchema, StatusSchema } from './invitations.schemas.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

/**
 * Who gets a badge: everyone who may come to the door. Invited people often come without confirming (invited ->
 * attended is allowed), so they get one too; declined, cancelled, no-show and mere proposals do not.
 */
export const BADGE_STATUSES = ['invited', 'confirmed', 'attended'] as const;

export const BadgesQuery = Type.Object({ groupId: Type.Optional(Uuid) }, { additionalProperties: false });
export type BadgesFilter = Static<typeof BadgesQuery>;

/** What a printed badge shows; no phones or emails, for anyone. */
export const BadgeSchema = Type.Object({
  invitationId: Uuid,
  checkInCode: Type.String(),
  name: Type.String(),
  nameLatin: Nullable(Type.String()),
  organisation: Nullable(Type.String()),
  governorate: Nullable(Type.Object({ code: Type.String(), nameAr: Type.String(), nameEn: Type.String() })),
  group: Nullable(Type.Object({ id: Uuid, name: Type.String(), order: Type.Integer() })),
  role: RoleSchema,
  status: StatusSchema,
});

export const BadgeSheetSchema = Type.Object({
  eventId: Uuid,
  statuses: Type.Array(literalUnion(BADGE_STATUSES), { description: 'the invitation statuses that get a badge' }),
  items: Type.Array(BadgeSchema),
});
export type BadgeSheetDto = Static<typeof BadgeSheetSchema>;
