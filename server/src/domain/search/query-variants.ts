import { latinToArabicLayout, looksLikeWrongLayout } from './keyboard-layout.js';
import { kurdishQueryVariants } from './kurdish-spellings.js';

/**
 * The query as typed, plus the other readings it is searched as: its Arabic re-typing when it looks typed on the
 * English layout ([lhg → جمال), and its Sorani readings (kurdishQueryVariants: گۆران → جۆران).
 */
export function queryVariants(query: string): string[] {
  if (looksLikeWrongLayout(query)) return [query, latinToArabicLayout(query)];
  return [query, ...kurdishQueryVariants(query)];
}
