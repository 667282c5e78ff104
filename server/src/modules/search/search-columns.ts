import { indexedWordForms } from '../../domain/search/search-key.js';
import { skeletonVariants } from '../../domain/search/skeleton.js';

/**
 * Bump when the search key, the skeleton or what feeds them changes: the start-up backfill then re-keys every row
 * whose search_version is older, so stored keys never silently disagree with the code that reads them.
 */
export const SEARCH_KEY_VERSION = 2;

/** Marks a consonant skeleton among the search terms, apart from any word (no word starts with it). */
export const SKELETON_MARK = '~';

export interface SearchColumns {
  /** Word forms of every name, then their skeletons prefixed with SKELETON_MARK. */
  search_terms: string[];
  phone_digits: string;
  search_version: number;
}

export interface SearchableNames {
  name: string;
  name_latin: string | null;
  name_ku: string | null;
  phones: string[];
}

/** The words among a contact's search terms (what the vocabulary holds), without the skeletons. */
export function nameWords(terms: string[]): string[] {
  return terms.filter((t) => !t.startsWith(SKELETON_MARK));
}

/** Every word form of every name a contact goes by (Arabic, Latin, Kurdish), their skeletons, and its phone digits. */
export function searchColumns(contact: SearchableNames): SearchColumns {
  const words = [contact.name, contact.name_latin, contact.name_ku]
    .filter((n): n is string => Boolean(n))
    .flatMap((n) => indexedWordForms(n));
  const uniqueWords = [...new Set(words)];
  const skeletons = new Set(uniqueWords.flatMap((w) => skeletonVariants(w)).filter(Boolean));
  return {
    search_terms: [...uniqueWords, ...[...skeletons].map((s) => SKELETON_MARK + s)],
    phone_digits: contact.phones.map((p) => p.replace(/\D/g, '')).join(' '),
    search_version: SEARCH_KEY_VERSION,
  };
}
