import { formatDate as formatInstantDay, formatRange as formatSpan } from '$domain/format/display-format';
import { i18n } from '$lib/i18n/i18n.svelte';

const pad = (n: number) => String(n).padStart(2, '0');

/** An ISO instant as the value of a datetime-local input, in the browser's time zone. */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A datetime-local value (browser time zone) as an ISO instant; null when empty or unreadable. */
export function fromLocalInput(value: string): string | null {
  if (!value) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

export const formatDate = (iso: string) => formatInstantDay(iso, i18n.style);

/** "12 Dec 2026, 09:00–13:00", or both full dates when the event spans days. */
export const formatRange = (startsAt: string, endsAt: string) => formatSpan(startsAt, endsAt, i18n.style);
