import { describe, expect, it } from 'vitest';
import {
  SEQUENTIAL_PALETTE,
  bucketIndex,
  countBuckets,
  dayBuckets,
  isDarkFill,
  paletteFor,
} from '../../../web/src/lib/management/colour-buckets.js';

describe('countBuckets', () => {
  it('keeps zero apart and splits the rest into whole-number ranges', () => {
    expect(countBuckets(12)).toEqual([
      { min: 0, max: 0 },
      { min: 1, max: 3 },
      { min: 4, max: 6 },
      { min: 7, max: 9 },
      { min: 10, max: 12 },
    ]);
  });

  it('uses fewer classes when there are fewer values than classes', () => {
    expect(countBuckets(2)).toEqual([
      { min: 0, max: 0 },
      { min: 1, max: 1 },
      { min: 2, max: 2 },
    ]);
    expect(countBuckets(0)).toEqual([{ min: 0, max: 0 }]);
  });

  it('ends the last range at the maximum', () => {
    const buckets = countBuckets(10);
    expect(buckets.at(-1)).toEqual({ min: 10, max: 10 });
    expect(bucketIndex(10, buckets)).toBe(buckets.length - 1);
  });
});

describe('dayBuckets', () => {
  it('classes days by the partnership thresholds, the last class open-ended', () => {
    const buckets = dayBuckets(90, 180);
    expect(buckets).toEqual([
      { min: 0, max: 90 },
      { min: 91, max: 180 },
      { min: 181, max: null },
    ]);
    expect(bucketIndex(0, buckets)).toBe(0);
    expect(bucketIndex(90, buckets)).toBe(0);
    expect(bucketIndex(91, buckets)).toBe(1);
    expect(bucketIndex(180, buckets)).toBe(1);
    expect(bucketIndex(5000, buckets)).toBe(2);
  });
});

describe('paletteFor', () => {
  it('keeps both ends of the palette, light for the fewest', () => {
    expect(paletteFor(1)).toEqual([SEQUENTIAL_PALETTE[0]]);
    expect(paletteFor(2)).toEqual([SEQUENTIAL_PALETTE[0], SEQUENTIAL_PALETTE[4]]);
    expect(paletteFor(5)).toEqual([...SEQUENTIAL_PALETTE]);
    expect(new Set(paletteFor(4)).size).toBe(4);
  });

  it('marks the dark end for light labels', () => {
    expect(isDarkFill(SEQUENTIAL_PALETTE[0])).toBe(false);
    expect(isDarkFill(SEQUENTIAL_PALETTE[4])).toBe(true);
  });
});
