import type { ContactKind } from '$domain/contact-kinds';
import type { PartnershipThresholds } from '$domain/partnerships/status';
import { bucketIndex, countBuckets, dayBuckets, paletteFor, type Bucket } from './colour-buckets';
import type { GovernorateStats } from './management-api';

export const MAP_MEASURES = ['active', 'contacts', 'events', 'days'] as const;
export type MapMeasure = (typeof MAP_MEASURES)[number];

/** The figure a tile shows for a measure; null = never contacted (days measure only). */
export function measureValue(item: GovernorateStats, measure: MapMeasure, kind: ContactKind | ''): number | null {
  switch (measure) {
    case 'active':
      return item.activePartnerships;
    case 'contacts':
      return kind ? item.contactsByKind[kind] : item.contactsTotal;
    case 'events':
      return item.eventsHeld;
    case 'days':
      return item.daysSinceLastGovernmentContact;
  }
}

export interface ColourClass {
  colour: string;
  /** null: the "never" class of the days measure. */
  bucket: Bucket | null;
}

/** The legend's classes for the figures on the map, and a function colouring one figure. */
export function colourScale(
  values: (number | null)[],
  measure: MapMeasure,
  thresholds: PartnershipThresholds,
): { classes: ColourClass[]; colourOf: (value: number | null) => string } {
  if (measure === 'days') {
    const buckets = dayBuckets(thresholds.activeDays, thresholds.coolingDays);
    // Longer silence reads darker; "never" is the darkest of all.
    const palette = paletteFor(buckets.length + 1);
    const classes: ColourClass[] = [
      ...buckets.map((bucket, i) => ({ colour: palette[i], bucket })),
      { colour: palette[buckets.length], bucket: null },
    ];
    return {
      classes,
      colourOf: (value) => (value === null ? palette[buckets.length] : palette[bucketIndex(value, buckets)]),
    };
  }
  const max = Math.max(0, ...values.map((value) => value ?? 0));
  const buckets = countBuckets(max);
  const palette = paletteFor(buckets.length);
  return {
    classes: buckets.map((bucket, i) => ({ colour: palette[i], bucket })),
    colourOf: (value) => palette[bucketIndex(value ?? 0, buckets)],
  };
}
