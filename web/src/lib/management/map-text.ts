import type { ContactKind } from '$domain/contact-kinds';
import { findGovernorate, governorateNameIn } from '$domain/governorates';
import { i18n, t } from '$lib/i18n/i18n.svelte';
import { kindLabel } from '$lib/i18n/labels';
import { formatDay, formatNumber } from './format';
import type { GovernorateStats } from './management-api';
import { measureValue, type ColourClass, type MapMeasure } from './map-measures';

/** What the map shows: the measure and, for contacts, the kind counted ('' = every kind). */
export interface MapView {
  measure: MapMeasure;
  kind: ContactKind | '';
}

export function governorateName(code: string): string {
  const governorate = findGovernorate(code);
  return governorate ? governorateNameIn(governorate, i18n.language) : code;
}

export const measureLabel = ({ measure, kind }: MapView) =>
  measure === 'contacts' && kind ? `${t('management.map.measure.contacts')} (${kindLabel(kind)})` : t(`management.map.measure.${measure}`);

function valueText({ measure }: MapView, value: number | null): string {
  if (value === null) return t('management.map.never');
  return measure === 'days' ? t('management.map.days', { n: value }) : formatNumber(value);
}

/** The figure of the chosen measure in words; days since contact with no body at all is "no government body". */
export function itemValueText(view: MapView, item: GovernorateStats): string {
  if (view.measure === 'days' && item.governmentBodies === 0) return t('management.map.noBodies');
  return valueText(view, measureValue(item, view.measure, view.kind));
}

/** A legend entry: the range of values one colour stands for. */
export function classLabel(entry: ColourClass): string {
  if (!entry.bucket) return t('management.map.never');
  const { min, max } = entry.bucket;
  if (max === null) return t('management.map.rangeOpen', { min: formatNumber(min) });
  if (min === max) return formatNumber(min);
  return t('management.map.range', { min: formatNumber(min), max: formatNumber(max) });
}

/** Every figure of a governorate, for the tooltip and the tile's accessible name. */
export function figures({ kind }: MapView, item: GovernorateStats): string[] {
  const lines = [
    t('management.map.tile.bodies', { n: formatNumber(item.governmentBodies) }),
    t('management.map.tile.active', { n: formatNumber(item.activePartnerships) }),
    t('management.map.tile.vacant', { n: formatNumber(item.bodiesWithoutFocalPoint) }),
    t('management.map.tile.contacts', {
      n: formatNumber(kind ? item.contactsByKind[kind] : item.contactsTotal),
    }) + (kind ? ` (${kindLabel(kind)})` : ''),
    t('management.map.tile.events', { n: formatNumber(item.eventsHeld) }),
    t('management.map.tile.lastContact', {
      value:
        item.lastGovernmentContactOn === null || item.daysSinceLastGovernmentContact === null
          ? t('management.map.never')
          : `${formatDay(item.lastGovernmentContactOn)} (${t('management.map.tile.daysAgo', { n: item.daysSinceLastGovernmentContact })})`,
    }),
  ];
  if (!item.hasAnyGovernmentFocalPoint) lines.push(t('management.map.noFocalPoint'));
  return lines;
}

/** A tile's accessible name: the governorate, the chosen measure's figure, then every other figure. */
export function tileLabel(view: MapView, code: string, item: GovernorateStats | undefined): string {
  if (!item) return `${governorateName(code)}: ${t('management.map.outOfScope')}`;
  const head = `${governorateName(code)}: ${measureLabel(view)} ${itemValueText(view, item)}`;
  return [head, ...figures(view, item)].join(i18n.language === 'en' ? '; ' : '؛ ');
}
