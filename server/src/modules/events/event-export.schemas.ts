import { Type } from 'typebox';
import { LanguageQuery, Uuid } from '../../http/common.schemas.js';

export const EventExportQuery = Type.Object(
  {
    format: Type.Unsafe<'csv' | 'xlsx'>({ type: 'string', enum: ['csv', 'xlsx'], default: 'csv' }),
    group: Type.Optional(Uuid),
    lang: LanguageQuery,
  },
  { additionalProperties: false },
);
