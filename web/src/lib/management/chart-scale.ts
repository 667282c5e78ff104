/** Axis arithmetic for the hand-drawn charts: round tick values that a reader takes in at a glance. */

/** The smallest 1, 2, 2.5 or 5 × 10^k step that covers max in at most `count` steps. */
function niceStep(max: number, count: number): number {
  const raw = max / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  for (const factor of [1, 2, 2.5, 5, 10]) {
    const step = factor * magnitude;
    // Counts are whole numbers: a step below 1 would only draw fractional ticks.
    if (step >= raw && step >= 1 && Number.isInteger(step)) return step;
  }
  return 10 * magnitude;
}

/** Ticks from 0 to a round maximum at or above max; an all-zero series still gets an axis 0–1. */
export function niceTicks(max: number, count = 4): number[] {
  if (!(max > 0)) return [0, 1];
  const step = niceStep(max, count);
  const top = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  for (let value = 0; value <= top + step / 2; value += step) ticks.push(value);
  return ticks;
}

/** Maps 0…domainMax onto 0…size. */
export function scaleLinear(domainMax: number, size: number): (value: number) => number {
  if (!(domainMax > 0)) return () => 0;
  return (value) => (Math.max(0, value) / domainMax) * size;
}

/** Positions along a band axis: where each of n bars starts and how wide it is, with a gap between bars. */
export function bandLayout(n: number, size: number, gapRatio = 0.25): { offset: (index: number) => number; band: number } {
  if (n <= 0) return { offset: () => 0, band: 0 };
  const slot = size / n;
  const band = slot * (1 - gapRatio);
  return { offset: (index) => index * slot + (slot - band) / 2, band };
}

/** Roughly how wide a 12px axis label is: about 6.5px a character in both scripts, plus a gap. */
const AXIS_CHARACTER_WIDTH = 6.5;
const AXIS_LABEL_GAP = 8;

/** Write every n-th category label, so labels never overlap along an axis of the given length. */
export function categoryLabelStep(labels: { label: string }[], size: number): number {
  if (labels.length === 0) return 1;
  const longest = Math.max(...labels.map((entry) => entry.label.length));
  const slot = size / labels.length;
  return Math.max(1, Math.ceil((longest * AXIS_CHARACTER_WIDTH + AXIS_LABEL_GAP) / slot));
}
