import { storedTextLanguage } from '$domain/language';
import { formatDay as dayIn } from '$domain/format/display-format';
import { i18n } from '$lib/i18n/i18n.svelte';

/** Today as YYYY-MM-DD in the user's local time zone. */
export function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A YYYY-MM-DD date in the current language, without time-zone drift. */
export const formatDay = (date: string) => dayIn(date, i18n.style);

/** A follow-up date that has passed (strictly before today). */
export function isOverdue(date: string | null): boolean {
  return date !== null && date < today();
}

/** A label users keep in Arabic and English (a relationship type): the Arabic one for Kurdish readers. */
export function localLabel(label: { ar: string; en: string }): string {
  return label[storedTextLanguage(i18n.language)];
}
