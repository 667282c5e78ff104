/** Buckets and colours for the governorate map: a few classes a legend can name, never a continuous ramp. */

/** Inclusive bounds; max null = and above. */
export interface Bucket {
  min: number;
  max: number | null;
}

/** Light to dark: more of the measure reads darker. Tested for contrast with the dark label text up to index 2. */
export const SEQUENTIAL_PALETTE = ['#eef5f3', '#c4e0d9', '#86c0b3', '#3f8f80', '#1d5c53'] as const;

/** Labels on the two darkest classes are drawn light. */
export const DARK_FROM_INDEX = 3;

/**
 * Zero gets a class of its own (it is the gap management looks for); the rest of 1…max is split into at most
 * `classes` ranges of whole numbers of equal width.
 */
export function countBuckets(max: number, classes = SEQUENTIAL_PALETTE.length - 1): Bucket[] {
  const buckets: Bucket[] = [{ min: 0, max: 0 }];
  if (max < 1) return buckets;
  const width = Math.ceil(max / classes);
  for (let min = 1; min <= max; min += width) {
    buckets.push({ min, max: Math.min(max, min + width - 1) });
  }
  return buckets;
}

/**
 * Days since the last government contact, classed by the partnership thresholds so the map and the status badges
 * tell the same story: within activeDays, within coolingDays, older. "Never" is kept apart by the caller.
 */
export function dayBuckets(activeDays: number, coolingDays: number): Bucket[] {
  return [
    { min: 0, max: activeDays },
    { min: activeDays + 1, max: coolingDays },
    { min: coolingDays + 1, max: null },
  ];
}

export function bucketIndex(value: number, buckets: Bucket[]): number {
  const index = buckets.findIndex((bucket) => value >= bucket.min && (bucket.max === null || value <= bucket.max));
  return index === -1 ? buckets.length - 1 : index;
}

/** Spreads n classes over the palette, keeping its two ends, so two classes read as light and dark. */
export function paletteFor(classes: number): string[] {
  if (classes <= 1) return [SEQUENTIAL_PALETTE[0]];
  const last = SEQUENTIAL_PALETTE.length - 1;
  return Array.from({ length: classes }, (_, index) => SEQUENTIAL_PALETTE[Math.round((index * last) / (classes - 1))]);
}

/** Whether a fill is dark enough to need light text on it. */
export function isDarkFill(colour: string): boolean {
  const index = SEQUENTIAL_PALETTE.indexOf(colour as (typeof SEQUENTIAL_PALETTE)[number]);
  return index >= DARK_FROM_INDEX;
}
