/** Reporting periods as inclusive 'YYYY-MM-DD' dates, the way the management API takes them. */
export interface Period {
  from: string;
  to: string;
}

/** The period presets offered above the tables and charts, in months. */
export const PERIOD_PRESETS = [3, 6, 12] as const;

const toDate = (iso: string) => new Date(`${iso}T00:00:00Z`);
const toIso = (date: Date) => date.toISOString().slice(0, 10);

/** Today in the browser's calendar, as the date inputs show it. */
export function localToday(now = new Date()): string {
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${month}-${day}`;
}

/**
 * "Last n months": whole months, the current one included, like the API's default of twelve month buckets,
 * so a preset and the default agree and the monthly charts never start mid-month.
 */
export function presetPeriod(today: string, months: number): Period {
  const end = toDate(today);
  return { from: toIso(new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - (months - 1), 1))), to: today };
}

/** Which preset a period is, if any (for highlighting the preset button). */
export function matchingPreset(period: Period, today: string): number | null {
  return (
    PERIOD_PRESETS.find((months) => {
      const preset = presetPeriod(today, months);
      return preset.from === period.from && preset.to === period.to;
    }) ?? null
  );
}

/** The first and last day of a 'YYYY-MM' month, for links to the lists behind a monthly figure. */
export function monthPeriod(month: string): Period {
  const [year, monthNumber] = month.split('-').map(Number);
  const last = new Date(Date.UTC(year, monthNumber, 0));
  return { from: `${month}-01`, to: toIso(last) };
}

/** Clips a month to a period, so a link for the first or last month of a period stays inside it. */
export function clipToPeriod(inner: Period, outer: Period): Period {
  return { from: inner.from < outer.from ? outer.from : inner.from, to: inner.to > outer.to ? outer.to : inner.to };
}

export const isIsoDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(toDate(value).getTime());
