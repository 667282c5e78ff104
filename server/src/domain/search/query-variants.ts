import { latinToArabicLayout, looksLikeWrongLayout } from './keyboard-layout.js';
import { kurdishQueryVariant } from './kurdish-spellings.js';

/**
 * The query as typed, plus the other readings it is searched as: its Arabic re-typing when it looks typed on the
 * English layout ([lhg → جمال), and its second Arabic spelling when it has Sorani letters (گۆران → جۆران).
 */
export function queryVariants(query: string): string[] {
  if (looksLikeWrongLayout(query)) return [query, latinToArabicLayout(query)];
  const kurdish = kurdishQueryVariant(query);
  return kurdish === null ? [query] : [query, kurdish];
}
