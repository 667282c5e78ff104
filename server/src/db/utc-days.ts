import { sql, type RawBuilder } from 'kysely';

/**
 * The UTC calendar day of a timestamptz column: the day the events list filters on (docs/api-events.md), so a figure
 * and the list behind it count the same events.
 */
export const utcDay = (column: string): RawBuilder<string> => sql<string>`(${sql.ref(column)} AT TIME ZONE 'UTC')::date`;

/** The start of UTC day `date` as a timestamptz, for index-friendly ranges on timestamptz columns. */
export const utcMidnight = (date: RawBuilder<unknown>): RawBuilder<Date> => sql<Date>`(${date})::timestamp AT TIME ZONE 'UTC'`;
