import type { Language } from '../language.js';

/*
 * Lists in running text: "Baghdad, Basrah and Erbil" / "بغداد والبصرة وأربيل" / "بەغدا، بەسرە و هەولێر".
 * Kurdish is joined by us: `Intl.ListFormat('ku')` is Kurmanji ("a, b û c") and Node's ICU has no `ckb` list
 * patterns (it falls back to English commas and "and"). Sorani separates with the Arabic comma and writes "و" as a
 * word of its own before the last item.
 */
export type ListType = 'conjunction' | 'unit';

const KURDISH_COMMA = '، ';

function kurdishList(items: readonly string[], type: ListType): string {
  if (type === 'unit' || items.length < 2) return items.join(KURDISH_COMMA);
  return `${items.slice(0, -1).join(KURDISH_COMMA)} و ${items[items.length - 1]}`;
}

export function formatList(items: readonly string[], language: Language, type: ListType = 'conjunction'): string {
  if (language === 'ku') return kurdishList(items, type);
  return new Intl.ListFormat(language, type === 'unit' ? { type: 'unit', style: 'short' } : { type: 'conjunction' }).format(items);
}

/** The separator between values in one cell or line: the Arabic comma in Arabic script, a comma in English. */
export const valueSeparator = (language: Language): string => (language === 'en' ? ', ' : '، ');
