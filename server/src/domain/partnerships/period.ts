/** The reporting period of the management views: inclusive 'YYYY-MM-DD' dates. */
export interface Period {
  from: string;
  to: string;
}

export const MAX_PERIOD_YEARS = 10;

const toDate = (iso: string) => new Date(`${iso}T00:00:00Z`);
const toIso = (date: Date) => date.toISOString().slice(0, 10);

/** The first day of the month eleven months before `to`'s month: twelve whole month buckets ending with `to`'s. */
export function defaultFrom(to: string): string {
  const d = toDate(to);
  return toIso(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 11, 1)));
}

/** Fills in the defaults and checks the order and length; `today` is the database's current date. */
export function resolvePeriod(
  today: string,
  from: string | undefined,
  to: string | undefined,
): { period: Period } | { problem: { field: 'from'; message: string } } {
  const end = to ?? today;
  const start = from ?? defaultFrom(end);
  if (start > end) return { problem: { field: 'from', message: 'must be on or before to' } };
  const limit = toDate(end);
  limit.setUTCFullYear(limit.getUTCFullYear() - MAX_PERIOD_YEARS);
  if (toDate(start) < limit) return { problem: { field: 'from', message: `the period may span at most ${MAX_PERIOD_YEARS} years` } };
  return { period: { from: start, to: end } };
}
