import { nameWordForms } from '../../domain/search/search-key.js';
import { skeletonVariants } from '../../domain/search/skeleton.js';

/**
 * Bump when the search key, the skeleton or what feeds them changes: the start-up backfill then re-keys every row
 * whose search_version is older, so stored keys never silently disagree with the code that reads them.
 */
export const SEARCH_KEY_VERSION = 1;

export interface SearchColumns {
  search_words: string[];
  skeleton_words: string[];
  phone_digits: string;
  search_version: number;
}

export interface SearchableNames {
  name: string;
  name_latin: string | null;
  name_ku: string | null;
  phones: string[];
}

/** Every word form of every name a contact goes by (Arabic, Latin, Kurdish), their skeletons, and its phone digits. */
export function searchColumns(contact: SearchableNames): SearchColumns {
  const words = [contact.name, contact.name_latin, contact.name_ku]
    .filter((n): n is string => Boolean(n))
    .flatMap((n) => nameWordForms(n));
  const uniqueWords = [...new Set(words)];
  return {
    search_words: uniqueWords,
    skeleton_words: [...new Set(uniqueWords.flatMap((w) => skeletonVariants(w)).filter(Boolean))],
    phone_digits: contact.phones.map((p) => p.replace(/\D/g, '')).join(' '),
    search_version: SEARCH_KEY_VERSION,
  };
}
