import Fuse, { type IFuseOptions } from 'fuse.js';
import { highlightRanges, type Range } from './highlight.js';
import { queryVariants } from './keyboard-layout.js';
import { nameMatchScore } from './name-match.js';
import { searchKey } from './search-key.js';
import { skeleton } from './skeleton.js';

/**
 * Instant filtering of a small list the browser already holds (recent contacts, governorates, organisations, an
 * event's list), per section 5 of the search spec: fuse.js over the same precomputed keys the server stores, the
 * query normalised by the same module, then the same word-by-word scorer as the server to gate and rank.
 * Not for the whole directory: fuse.js costs hundreds of milliseconds per query at 20k names; that is /api/search.
 */

export interface Nameable {
  name: string;
  nameLatin?: string | null;
}

/** What fuse.js indexes for one item: its search key and consonant skeleton, computed once when the index is built. */
interface Entry<T> {
  item: T;
  /** Position in the source list, the tie-breaker (a recent-contacts list is newest first). */
  position: number;
  key: string;
  skeleton: string;
}

export interface LocalMatch<T> {
  item: T;
  /** nameMatchScore of the best query variant: higher is better, as on the server. */
  score: number;
  highlight: { name: Range[]; nameLatin: Range[] };
}

export const FUSE_OPTIONS = {
  keys: ['key', 'skeleton'],
  includeScore: true,
  ignoreLocation: true,
  threshold: 0.35,
  // fuse.js 7.5: every query word is its own fuzzy term, matched anywhere in a field.
  useTokenSearch: true
} satisfies IFuseOptions<Entry<unknown>>;

function namesOf(item: Nameable): string {
  return [item.name, item.nameLatin].filter(Boolean).join(' ');
}

export class LocalIndex<T extends Nameable> {
  readonly #entries: Entry<T>[];
  readonly #fuse: Fuse<Entry<T>>;

  constructor(items: readonly T[]) {
    this.#entries = items.map((item, position) => {
      const names = namesOf(item);
      return { item, position, key: searchKey(names), skeleton: skeleton(names) };
    });
    this.#fuse = new Fuse(this.#entries, FUSE_OPTIONS);
  }

  get size(): number {
    return this.#entries.length;
  }

  /**
   * The items matching the query, best first. fuse.js proposes candidates for the query's search key and for its
   * skeleton (Latin against Arabic and back); each candidate must then pass the word-by-word match (every query
   * word matches a word of the name, the last one as a prefix while typing), which also ranks them.
   */
  search(query: string, limit = Number.POSITIVE_INFINITY): LocalMatch<T>[] {
    if (searchKey(query) === '' || this.#entries.length === 0) return [];
    const candidates = new Set<Entry<T>>();
    const variants = queryVariants(query);
    for (const variant of variants) {
      for (const pattern of new Set([searchKey(variant), skeleton(variant)])) {
        if (pattern === '') continue;
        for (const { item } of this.#fuse.search(pattern)) candidates.add(item);
      }
    }

    const matches: (LocalMatch<T> & { position: number })[] = [];
    for (const entry of candidates) {
      let best = { score: 0, variant: query };
      for (const variant of variants) {
        const score = Math.max(
          nameMatchScore(variant, entry.item.name),
          entry.item.nameLatin ? nameMatchScore(variant, entry.item.nameLatin) : 0
        );
        if (score > best.score) best = { score, variant };
      }
      if (best.score === 0) continue;
      matches.push({
        item: entry.item,
        position: entry.position,
        score: best.score,
        highlight: {
          name: highlightRanges(best.variant, entry.item.name),
          nameLatin: entry.item.nameLatin ? highlightRanges(best.variant, entry.item.nameLatin) : []
        }
      });
    }
    return matches
      .sort((a, b) => b.score - a.score || a.position - b.position)
      .slice(0, limit)
      .map(({ item, score, highlight }) => ({ item, score, highlight }));
  }
}
