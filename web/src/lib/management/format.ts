import type { PartnershipStatus } from '$domain/partnerships/status';
import { formatDay as dayIn, formatMonth as monthIn, formatNumber as numberIn } from '$domain/format/display-format';
import { i18n, t } from '$lib/i18n/i18n.svelte';

// Figures and dates follow the one rule (server/src/domain/format/display-format.ts) with the reader's digits.
export const formatNumber = (value: number) => numberIn(value, i18n.style);

/** A 'YYYY-MM-DD' date as a calendar day in the current language (never shifted a day). */
export const formatDay = (iso: string) => dayIn(iso, i18n.style);

/** A 'YYYY-MM' month's name for a chart axis: "Nov" / "تشرين الثاني" (the chart writes the year under it). */
export const formatMonth = (month: string) => monthIn(month, i18n.style);

export const statusLabel = (status: PartnershipStatus) => t(`management.status.${status}`);
