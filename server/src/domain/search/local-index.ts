import Fuse from 'fuse.js';
import { highlightRanges, type Range } from './highlight.js';
import { queryVariants } from './query-variants.js';
import { prepareQuery } from './name-match.js';
import { alignedMatchScore, nameSlots } from './name-alignment.js';
import { indexedWordForms, searchWords } from './search-key.js';
import { isBareArticle, skeletonVariants } from './skeleton.js';
import { searchVariants } from './deletion-variants.js';

/**
 * Instant filtering of a small list the browser already holds (recent contacts, governorates, organisations, an
 * event's list), per section 5 of the search spec, with the same keys and the same word-by-word scorer as the server.
 * It works like /api/search in memory: each query word expands to the list's words that fuse.js finds similar,
 * that are one or two typos away (shared deletion variants), that it starts (while typing), or that share its
 * skeleton; items must match every query word; alignedMatchScore ranks them. fuse.js runs over the distinct words, not
 * the items, because over whole names it costs tens of milliseconds per keystroke at 5,000 items.
 */

export interface Nameable {
  name: string;
  nameLatin?: string | null;
}

export interface LocalMatch<T> {
  item: T;
  /** alignedMatchScore of the best query variant: higher is better, as on the server. */
  score: number;
  highlight: { name: Range[]; nameLatin: Range[] };
}

/** Fuzzy candidates per query word, from fuse.js over the distinct words of the list. */
const FUSE_WORDS = 30;
/** Items scored at most per query; the rest of a very broad match (one typed letter) is not ranked. */
const MAX_SCORED = 200;

function addTo(map: Map<string, Set<number>>, key: string, position: number) {
  const set = map.get(key);
  if (set) set.add(position);
  else map.set(key, new Set([position]));
}

function firstAtLeast(sorted: string[], prefix: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid] < prefix) low = mid + 1;
    else high = mid;
  }
  return low;
}

export class LocalIndex<T extends Nameable> {
  readonly #items: readonly T[];
  /** Each item's words in order with their forms, for the scorer: of its name, and of its Latin name. */
  readonly #forms: [string[][], string[][]][];
  readonly #byWord = new Map<string, Set<number>>();
  readonly #byVariant = new Map<string, Set<string>>();
  readonly #bySkeleton = new Map<string, Set<number>>();
  readonly #words: string[];
  readonly #fuse: Fuse<string>;

  constructor(items: readonly T[]) {
    this.#items = items;
    this.#forms = items.map((item) => [nameSlots(item.name), item.nameLatin ? nameSlots(item.nameLatin) : []]);
    items.forEach((item, position) => {
      const names = [item.name, item.nameLatin].filter((n): n is string => Boolean(n));
      for (const word of new Set(names.flatMap(indexedWordForms))) {
        addTo(this.#byWord, word, position);
        for (const skeleton of skeletonVariants(word)) addTo(this.#bySkeleton, skeleton, position);
      }
    });
    this.#words = [...this.#byWord.keys()].sort();
    for (const word of this.#words) {
      for (const variant of searchVariants(word)) {
        const set = this.#byVariant.get(variant);
        if (set) set.add(word);
        else this.#byVariant.set(variant, new Set([word]));
      }
    }
    this.#fuse = new Fuse(this.#words, { threshold: 0.35, ignoreLocation: true });
  }

  get size(): number {
    return this.#items.length;
  }

  /** The positions of the items one query word may match. */
  #itemsFor(word: string, typing: boolean): Set<number> {
    const words = new Set<string>(this.#fuse.search(word, { limit: FUSE_WORDS }).map((r) => r.item));
    for (const variant of searchVariants(word)) this.#byVariant.get(variant)?.forEach((w) => words.add(w));
    if (typing) {
      for (let i = firstAtLeast(this.#words, word); i < this.#words.length && this.#words[i].startsWith(word); i++) {
        words.add(this.#words[i]);
      }
    }
    const positions = new Set<number>();
    for (const w of words) this.#byWord.get(w)?.forEach((p) => positions.add(p));
    for (const skeleton of skeletonVariants(word)) this.#bySkeleton.get(skeleton)?.forEach((p) => positions.add(p));
    return positions;
  }

  #candidates(query: string): number[] {
    const typingLast = !/\s$/u.test(query);
    const words = searchWords(query).filter((w) => !isBareArticle(w));
    let result: Set<number> | undefined;
    for (const [i, word] of words.entries()) {
      const matching = this.#itemsFor(word, typingLast && i === words.length - 1);
      result = result ? new Set([...result].filter((p) => matching.has(p))) : matching;
      if (result.size === 0) break;
    }
    return [...(result ?? [])].sort((a, b) => a - b).slice(0, MAX_SCORED);
  }

  /** The items matching the query, best first (ties: earlier in the list first), at most `limit`. */
  search(query: string, limit = Number.POSITIVE_INFINITY): LocalMatch<T>[] {
    if (this.#items.length === 0) return [];
    const best = new Map<number, { score: number; variant: string }>();
    for (const variant of queryVariants(query)) {
      const prepared = prepareQuery(variant);
      for (const position of this.#candidates(variant)) {
        const [nameForms, latinForms] = this.#forms[position];
        const score = Math.max(alignedMatchScore(prepared, nameForms), alignedMatchScore(prepared, latinForms));
        if (score > (best.get(position)?.score ?? 0)) best.set(position, { score, variant });
      }
    }
    return [...best.entries()]
      .sort(([a, x], [b, y]) => y.score - x.score || a - b)
      .slice(0, limit)
      .map(([position, { score, variant }]) => {
        const item = this.#items[position];
        return {
          item,
          score,
          highlight: {
            name: highlightRanges(variant, item.name),
            nameLatin: item.nameLatin ? highlightRanges(variant, item.nameLatin) : [],
          },
        };
      });
  }
}
