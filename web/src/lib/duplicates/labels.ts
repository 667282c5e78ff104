import { t } from '$lib/i18n/i18n.svelte';
import type { DuplicateReason } from './types';

export const percent = (score: number) => Math.round(score * 100);

export function reasonLabel(reason: DuplicateReason): string {
  if (reason.code === 'similar_name') return t('imports.reason.similar_name', { percent: percent(reason.similarity ?? 0) });
  return t(`imports.reason.${reason.code}`);
}

export const scoreText = (score: number) => t('imports.duplicates.percent', { percent: percent(score) });
