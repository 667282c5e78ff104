import type { PartnershipStatus } from '$domain/partnerships/status';
import { i18n, t } from '$lib/i18n/i18n.svelte';

// Figures keep Western digits in both languages, as the rest of the app and the exports do.
const locale = () => (i18n.language === 'ar' ? 'ar-IQ-u-nu-latn' : 'en-GB');

export function formatNumber(value: number): string {
	return new Intl.NumberFormat(locale()).format(value);
}

/** A 'YYYY-MM-DD' date as a calendar day in the current language (read as UTC, so it never shifts a day). */
export function formatDay(iso: string): string {
	return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
}

/** A 'YYYY-MM' month's name for a chart axis: "Nov" / "تشرين الثاني" (the chart writes the year under it). */
export function formatMonth(month: string): string {
	return new Intl.DateTimeFormat(locale(), { month: 'short', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
}

export const statusLabel = (status: PartnershipStatus) => t(`management.status.${status}`);
