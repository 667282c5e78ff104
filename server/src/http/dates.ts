import { Type } from 'typebox';

/** A calendar date, 'YYYY-MM-DD' (stored as PostgreSQL date, read back as text so no time zone moves it). */
export const DateOnly = Type.String({ format: 'date' });
export const NullableDate = Type.Union([DateOnly, Type.Null()]);
