/**
 * The period a donor report covers: whole Baghdad calendar days, both ends inclusive. Without `from` it starts on the
 * programme's first day; without `to` it ends today (a report for a programme still running covers it to date). Pure:
 * the server resolves it and the report page shows the same defaults.
 */
export interface ReportPeriod {
  from: string;
  to: string;
}

export type PeriodProblem = 'from_after_to';

export function resolveReportPeriod(
  programme: { startsOn: string },
  asked: { from?: string; to?: string },
  today: string,
): ReportPeriod | PeriodProblem {
  const from = asked.from ?? programme.startsOn;
  const to = asked.to ?? today;
  return from > to ? 'from_after_to' : { from, to };
}
