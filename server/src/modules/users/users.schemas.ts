import { Type, type Static } from 'typebox';
import { DateTime, Email, GovernorateCode, Uuid, Version, literalUnion } from '../../http/common.schemas.js';
import { ROLES } from '../../domain/roles.js';
import { VISIBLE_TEXT_PATTERN } from '../../domain/text/clean-text.js';

const Role = literalUnion(ROLES);
const Password = Type.String({ minLength: 10, maxLength: 200 });
// At least one visible character: the name is stored trimmed, without direction controls, and the table refuses an empty one.
const Name = Type.String({ minLength: 1, maxLength: 200, pattern: VISIBLE_TEXT_PATTERN });
const UserGovernorates = Type.Union([Type.Array(GovernorateCode, { minItems: 1, uniqueItems: true }), Type.Null()]);

export const UserSchema = Type.Object({
  id: Uuid,
  email: Type.String(),
  name: Type.String(),
  role: Role,
  active: Type.Boolean(),
  governorates: Type.Union([Type.Array(Type.String()), Type.Null()]),
  createdAt: DateTime,
  version: Type.Integer(),
});
export type UserDto = Static<typeof UserSchema>;

export const CreateUserBody = Type.Object(
  {
    email: Email,
    name: Name,
    role: Role,
    password: Password,
    governorates: Type.Optional(UserGovernorates),
  },
  { additionalProperties: false },
);
export type CreateUserInput = Static<typeof CreateUserBody>;

export const UpdateUserBody = Type.Object(
  {
    version: Version,
    name: Type.Optional(Name),
    role: Type.Optional(Role),
    active: Type.Optional(Type.Boolean()),
    password: Type.Optional(Password),
    governorates: Type.Optional(UserGovernorates),
  },
  { additionalProperties: false },
);
export type UpdateUserInput = Static<typeof UpdateUserBody>;

export const UserListSchema = Type.Object({ items: Type.Array(UserSchema) });
export type UserListDto = Static<typeof UserListSchema>;
