import { searchKey, searchWords, secondSpellingWords } from './search-key.js';
import { isBareArticle } from './skeleton.js';
import { wordSimilarity } from './name-match.js';

export interface Range {
  start: number;
  end: number;
}

/**
 * Which words of a displayed name the query matched, as [start, end) offsets into the name as written, so the
 * highlight lands on the original letters (with their hamzas and diacritics), not on the normalised key.
 * A compound written apart (عبد المحسن) matches as one word, so a token may also match joined to its neighbour.
 */
export function highlightRanges(query: string, name: string): Range[] {
  const queryWords = searchWords(query).filter((w) => !isBareArticle(w));
  if (queryWords.length === 0) return [];
  const typingIndex = /\s$/u.test(query) ? -1 : queryWords.length - 1;
  // Tokens without letters (a dash between a department and its governorate) are never marked.
  const tokens = [...name.matchAll(/\S+/gu)]
    .map((m) => ({
      start: m.index,
      end: m.index + m[0].length,
      key: searchKey(m[0]).replace(/ /g, ''),
      second: secondSpellingWords(m[0]),
    }))
    .filter((t) => t.key !== '');
  const matches = (key: string, allowPrefix: boolean) =>
    queryWords.some((word, i) => wordSimilarity(word, key, allowPrefix && i === typingIndex) > 0);

  const marked = new Set<number>();
  tokens.forEach((token, i) => {
    // A word with Sorani letters also matches by its second Arabic spelling (چیا by تشيا).
    if ([token.key, ...token.second].some((key) => matches(key, true))) marked.add(i);
    // A compound written apart counts only as a whole word: as a prefix, جمال would also claim the word after it.
    const next = tokens[i + 1];
    if (next && !matches(next.key, true) && matches(token.key + next.key, false)) {
      marked.add(i);
      marked.add(i + 1);
    }
  });
  return [...marked].sort((a, b) => a - b).map((i) => ({ start: tokens[i].start, end: tokens[i].end }));
}
