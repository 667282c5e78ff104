import { Type } from 'typebox';
import { Uuid } from '../../http/common.schemas.js';

export const EventExportQuery = Type.Object(
  {
    format: Type.Unsafe<'csv' | 'xlsx'>({ type: 'string', enum: ['csv', 'xlsx'], default: 'csv' }),
    group: Type.Optional(Uuid),
    lang: Type.Unsafe<'ar' | 'en'>({ type: 'string', enum: ['ar', 'en'], default: 'ar' }),
  },
  { additionalProperties: false },
);
