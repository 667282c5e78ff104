import { nameWordForms, searchWords, splitCompound } from './search-key.js';
import { isBareArticle, skeletonVariants } from './skeleton.js';
import { withoutGluedArticle } from './deletion-variants.js';
import { memoize } from './memo.js';

/**
 * Matching a query against a name word by word: people type some of a name's words, in any order (first name and
 * family name, family name first), so whole-string similarity fails them. Every query word must match one of the
 * name's words; the last one may be a prefix while the user is still typing. The score, the sum of the per-word
 * similarities, re-ranks the candidates that the trigram index or the cached list returned. The weights are
 * starting points, to be tuned against the labelled query set.
 */

// A prefix of a word still being typed, or a skeleton-only match (other script, article dropped, near letters
// confused), ranks below the same word spelled out.
const PREFIX_WEIGHT = 0.9;
const SKELETON_WEIGHT = 0.6;
// The same word with the article glued on one side only (جواهري, الجواهري) ranks just below the word as written.
const ARTICLE_WEIGHT = 0.95;

// Arabic names are short because short vowels are not written, so one typo is allowed from 4 letters; at 3 letters
// one typo already turns علي into عمر.
function typosAllowed(length: number): number {
  if (length < 4) return 0;
  return length < 8 ? 1 : 2;
}

/**
 * Edit distance (optimal string alignment: a swap of two neighbouring letters is one typo, as on a keyboard), over
 * code points, from query to the whole of word and to the closest prefix of word. One table gives both: its last row
 * holds the distance from query to every prefix of word.
 */
export function editDistances(query: string, word: string): { whole: number; prefix: number } {
  const q = [...query];
  const w = [...word];
  let before: number[] = [];
  let row = Array.from({ length: w.length + 1 }, (_, j) => j);
  for (let i = 1; i <= q.length; i++) {
    const next = [i];
    for (let j = 1; j <= w.length; j++) {
      let best = Math.min(row[j - 1] + (q[i - 1] === w[j - 1] ? 0 : 1), row[j] + 1, next[j - 1] + 1);
      if (i > 1 && j > 1 && q[i - 1] === w[j - 2] && q[i - 2] === w[j - 1]) best = Math.min(best, before[j - 2] + 1);
      next.push(best);
    }
    before = row;
    row = next;
  }
  return { whole: row[w.length], prefix: Math.min(...row) };
}

/**
 * How well one search-key word of the query matches one search-key word of a name, from 1 (same word) down to 0
 * (no match). typing: the query word is the last one and the user may not have finished it.
 */
export function wordSimilarity(queryWord: string, nameWord: string, typing: boolean): number {
  return rememberedSimilarity(`${typing ? 1 : 0}\u0000${queryWord}\u0000${nameWord}`);
}

const rememberedSimilarity = memoize((key: string) => {
  const [typing, queryWord, nameWord] = key.split('\u0000') as [string, string, string];
  return computeSimilarity(queryWord, nameWord, typing === '1');
});

/**
 * Two compounds sharing their fixed part (عبد, ابو, الله, الدين) are one name only if the part that tells them apart
 * matches: عبدالجبار and عبدالستار are two letters apart, one typo's worth on nine letters, yet different names.
 */
function compoundsDiffer(queryWord: string, nameWord: string, typing: boolean): boolean {
  const query = splitCompound(queryWord);
  const name = splitCompound(nameWord);
  if (query.length === 0 || name.length === 0) return false;
  const [fixed, distinctive] = query[0] === name[0] ? [0, 1] : query[1] === name[1] ? [1, 0] : [-1, -1];
  if (fixed < 0) return false;
  const lastPart = distinctive === 1;
  return computeSimilarity(query[distinctive], name[distinctive], typing && lastPart) === 0;
}

function computeSimilarity(queryWord: string, nameWord: string, typing: boolean): number {
  if (compoundsDiffer(queryWord, nameWord, typing)) return 0;
  const queryLength = [...queryWord].length;
  const longer = Math.max(queryLength, [...nameWord].length);
  const { whole, prefix } = editDistances(queryWord, nameWord);
  // A letter dropped from فارس leaves فاس: the allowance follows the longer of the two words.
  const spelled = whole <= typosAllowed(longer) ? 1 - whole / longer : 0;
  const typed = typing && prefix <= typosAllowed(queryLength) ? PREFIX_WEIGHT * (1 - prefix / queryLength) : 0;
  if (spelled > 0 || typed > 0) return Math.max(spelled, typed);

  const bareQuery = withoutGluedArticle(queryWord);
  const bareName = withoutGluedArticle(nameWord);
  if (bareQuery !== queryWord || bareName !== nameWord) {
    const bare = computeSimilarity(bareQuery, bareName, typing);
    if (bare > SKELETON_WEIGHT) return ARTICLE_WEIGHT * bare;
  }

  const querySkeletons = skeletonVariants(queryWord);
  const nameSkeletons = skeletonVariants(nameWord);
  if (querySkeletons.some((skeleton) => nameSkeletons.includes(skeleton))) return SKELETON_WEIGHT;
  const typedSkeleton = querySkeletons.some((start) => nameSkeletons.some((skeleton) => skeleton.startsWith(start)));
  return typing && typedSkeleton ? SKELETON_WEIGHT * PREFIX_WEIGHT : 0;
}

/**
 * The score of a name for a query: the sum over query words of their best similarity to a word of the name, or 0
 * when some query word matches no word of the name (or the query is empty). A bare article (al-, ال) in the query
 * need not match. A query that ends in a space has its last word finished.
 */
export function nameMatchScore(query: string, name: string): number {
  return preparedMatchScore(prepareQuery(query), nameWordForms(name));
}

/** A query's words, and which of them the user may still be typing, worked out once for many names. */
export interface PreparedQuery {
  words: { word: string; typing: boolean }[];
}

export function prepareQuery(query: string): PreparedQuery {
  const queryWords = searchWords(query);
  const lastIsTyping = !/\s$/u.test(query);
  return {
    words: queryWords
      .map((word, index) => ({ word, typing: lastIsTyping && index === queryWords.length - 1 }))
      .filter(({ word }) => !isBareArticle(word)),
  };
}

/** nameMatchScore for a prepared query against a name's word forms computed beforehand (nameWordForms). */
export function preparedMatchScore(query: PreparedQuery, nameWords: readonly string[]): number {
  if (query.words.length === 0) return 0;
  let score = 0;
  for (const { word, typing } of query.words) {
    let best = 0;
    for (const nameWord of nameWords) best = Math.max(best, wordSimilarity(word, nameWord, typing));
    if (best === 0) return 0;
    score += best;
  }
  return score;
}
