import { Type } from 'typebox';
import { literalUnion } from '../../http/common.schemas.js';
import { LANGUAGES } from '../../domain/language.js';

export const CalendarBody = Type.String({ description: 'text/calendar (RFC 5545)' });
export const CalendarQuery = Type.Object({ lang: Type.Optional(literalUnion(LANGUAGES)) }, { additionalProperties: false });
export const CalendarTokenParams = Type.Object({ token: Type.String({ maxLength: 100 }) }, { additionalProperties: false });
