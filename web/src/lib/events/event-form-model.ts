import type { EventType, QuotaDimension } from '$domain/events/vocabulary';
import { t } from '$lib/i18n/i18n.svelte';
import { fromLocalInput, toLocalInput } from './datetime';
import type { EventDetail, EventFields, QuotaInput } from './types';

/** A quota row as typed: numbers stay text until submit, so an empty box means "no bound". */
export interface QuotaRow {
  key: number;
  dimension: QuotaDimension;
  value: string;
  minCount: string;
  maxCount: string;
  /** Percent, 1–100. */
  minSharePercent: string;
}

export interface EventFormValues {
  title: string;
  type: EventType;
  startsAt: string;
  endsAt: string;
  governorate: string;
  venue: string;
  contactPhone: string;
  capacity: string;
  description: string;
  quotas: QuotaRow[];
  programmeIds: string[];
}

let nextKey = 0;

export function newQuotaRow(dimension: QuotaDimension = 'governorate'): QuotaRow {
  return { key: nextKey++, dimension, value: '', minCount: '', maxCount: '', minSharePercent: '' };
}

const text = (n: number | null) => (n === null ? '' : String(n));

export function formValuesFrom(event: EventDetail | null): EventFormValues {
  if (!event) {
    return {
      title: '',
      type: 'workshop',
      startsAt: '',
      endsAt: '',
      governorate: '',
      venue: '',
      contactPhone: '',
      capacity: '',
      description: '',
      quotas: [],
      programmeIds: [],
    };
  }
  return {
    title: event.title,
    type: event.type,
    startsAt: toLocalInput(event.startsAt),
    endsAt: toLocalInput(event.endsAt),
    governorate: event.governorate ?? '',
    venue: event.venue ?? '',
    contactPhone: event.contactPhone ?? '',
    capacity: text(event.capacity),
    description: event.description ?? '',
    quotas: event.quotas.map((q) => ({
      key: nextKey++,
      dimension: q.dimension,
      value: q.value,
      minCount: text(q.minCount),
      maxCount: text(q.maxCount),
      minSharePercent: q.minShare === null ? '' : String(Math.round(q.minShare * 1000) / 10),
    })),
    programmeIds: [...event.programmeIds],
  };
}

const isWhole = (s: string) => /^\d+$/.test(s.trim());
const numberOrNull = (s: string) => (s.trim() === '' ? null : Number(s.trim()));

/** The checks the browser can make before sending; the server repeats them and answers with the same field paths. */
export function validateEventForm(values: EventFormValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (values.title.trim() === '') errors.title = t('field.required');
  const starts = fromLocalInput(values.startsAt);
  const ends = fromLocalInput(values.endsAt);
  if (!starts) errors.startsAt = t('field.required');
  if (!ends) errors.endsAt = t('field.required');
  if (starts && ends && ends < starts) errors.endsAt = t('events.form.endsBeforeStart');
  if (values.capacity.trim() !== '' && (!isWhole(values.capacity) || Number(values.capacity) < 1))
    errors.capacity = t('events.form.wholePositive');
  const seen = new Set<string>();
  values.quotas.forEach((row, i) => {
    const path = `quotas.${i}`;
    if (row.value === '') errors[`${path}.value`] = t('field.required');
    else if (seen.has(`${row.dimension}:${row.value}`)) errors[`${path}.value`] = t('events.form.quotaTwice');
    seen.add(`${row.dimension}:${row.value}`);
    for (const field of ['minCount', 'maxCount'] as const) {
      if (row[field].trim() !== '' && !isWhole(row[field])) errors[`${path}.${field}`] = t('events.form.wholeNumber');
    }
    const share = row.minSharePercent.trim();
    if (share !== '' && !(Number(share) > 0 && Number(share) <= 100)) errors[`${path}.minShare`] = t('events.form.percent');
    if ([row.minCount, row.maxCount, share].every((s) => s.trim() === '')) errors[`${path}.minCount`] = t('events.form.quotaBound');
    const min = numberOrNull(row.minCount);
    const max = numberOrNull(row.maxCount);
    if (min !== null && max !== null && max < min) errors[`${path}.maxCount`] = t('events.form.maxBelowMin');
  });
  return errors;
}

export function toEventFields(values: EventFormValues): EventFields {
  const optional = (s: string) => (s.trim() === '' ? null : s.trim());
  // Absent bounds are left out, not sent as null: the server's schema coercion reads a null count as 0.
  const quotas: QuotaInput[] = values.quotas.map((row) => {
    const minShare = row.minSharePercent.trim() === '' ? null : Number(row.minSharePercent) / 100;
    const bounds = { minCount: numberOrNull(row.minCount), maxCount: numberOrNull(row.maxCount), minShare };
    return {
      dimension: row.dimension,
      value: row.value,
      ...Object.fromEntries(Object.entries(bounds).filter(([, v]) => v !== null)),
    };
  });
  return {
    title: values.title.trim(),
    type: values.type,
    startsAt: fromLocalInput(values.startsAt) ?? '',
    endsAt: fromLocalInput(values.endsAt) ?? '',
    governorate: optional(values.governorate),
    venue: optional(values.venue),
    contactPhone: optional(values.contactPhone),
    capacity: numberOrNull(values.capacity),
    description: optional(values.description),
    quotas,
    programmeIds: values.programmeIds,
  };
}
