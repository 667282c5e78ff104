import { i18n } from '$lib/i18n/i18n.svelte';

/** The programme's name in the interface language, falling back to the Arabic one (the only name it must have). */
export function programmeName(p: { nameAr: string; nameEn: string | null; nameKu: string | null }): string {
  const language: string = i18n.language;
  if (language === 'en') return p.nameEn ?? p.nameAr;
  if (language === 'ku') return p.nameKu ?? p.nameAr;
  return p.nameAr;
}
