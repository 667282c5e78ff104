import { sql, type Expression, type SqlBool } from 'kysely';
import { utcMidnight } from './utc-days.js';

/**
 * Contacts created on UTC days createdFrom..createdTo, both inclusive, the days the dashboard's new-contacts chart counts.
 * Bounds are UTC midnights so the created_at index can serve the range.
 */
export function createdWithin(range: { createdFrom?: string; createdTo?: string }): Expression<SqlBool>[] {
  return [
    ...(range.createdFrom ? [sql<SqlBool>`contact.created_at >= ${utcMidnight(sql`${range.createdFrom}::date`)}`] : []),
    ...(range.createdTo ? [sql<SqlBool>`contact.created_at < ${utcMidnight(sql`${range.createdTo}::date + 1`)}`] : []),
  ];
}
