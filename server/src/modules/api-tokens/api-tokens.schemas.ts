import { Type, type Static } from 'typebox';
import { DateTime, literalUnion } from '../../http/common.schemas.js';
import { API_TOKEN_MAX_DAYS, API_TOKEN_SCOPES } from '../../domain/account-security.js';

export const ApiTokenSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  prefix: Type.String({ description: 'the first characters of the token, to tell tokens apart' }),
  scope: literalUnion(API_TOKEN_SCOPES),
  createdAt: DateTime,
  expiresAt: DateTime,
  lastUsedAt: Type.Union([DateTime, Type.Null()]),
});
export type ApiTokenDto = Static<typeof ApiTokenSchema>;

export const ApiTokenListSchema = Type.Object({ items: Type.Array(ApiTokenSchema) });
export type ApiTokenListDto = Static<typeof ApiTokenListSchema>;

export const CreateApiTokenBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    scope: literalUnion(API_TOKEN_SCOPES),
    expiresInDays: Type.Integer({ minimum: 1, maximum: API_TOKEN_MAX_DAYS }),
  },
  { additionalProperties: false },
);
export type CreateApiTokenInput = Static<typeof CreateApiTokenBody>;

export const CreatedApiTokenSchema = Type.Object({
  token: Type.String({ description: 'cdt_…: shown this once, stored only as its SHA-256' }),
  apiToken: ApiTokenSchema,
});
export type CreatedApiTokenDto = Static<typeof CreatedApiTokenSchema>;
