import { Type } from 'typebox';
import { GOVERNORATES } from '../domain/governorates.js';
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from '../domain/language.js';

export const Uuid = Type.String({ format: 'uuid' });
export const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });
export const GovernorateCode = Type.String({ enum: GOVERNORATES.map((g) => g.code) });
export const Email = Type.String({ format: 'email', maxLength: 254 });
export const DateTime = Type.String({ format: 'date-time' });
export const Version = Type.Integer({ minimum: 1 });

export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    code: Type.String(),
    detail: Type.Optional(Type.String()),
    errors: Type.Optional(Type.Array(Type.Object({ field: Type.String(), code: Type.String(), message: Type.String() }))),
  },
  { $id: 'Problem' },
);

/** Error responses every authenticated route can give, for the OpenAPI document. */
export function problemResponses(...statuses: number[]) {
  return Object.fromEntries([401, ...statuses].map((s) => [s, Type.Ref('Problem', { description: 'application/problem+json' })]));
}

/** A string enum schema from one of the domain's `as const` lists, typed as that list's union. */
export function literalUnion<T extends string>(values: readonly T[]) {
  return Type.Unsafe<T>({ type: 'string', enum: [...values] });
}

/** The language of a file or report (`lang`): one of the interface languages, Arabic when absent. */
export const LanguageQuery = Type.Unsafe<Language>({
  type: 'string',
  enum: [...LANGUAGES],
  default: DEFAULT_LANGUAGE,
  description: 'ar (Arabic), en (English) or ku (Sorani Kurdish)',
});
