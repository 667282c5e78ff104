/**
 * Vocabulary expansions of query words, remembered for a minute. People search the same words all day; asking the
 * database for them on every keystroke was a third of a search's round trips. A cache, not state: every process
 * keeps its own, and a word new to the vocabulary is still found exactly at once (the query word itself is always
 * a search term); only its typo neighbours may take up to a minute to appear.
 */
const TTL_MS = 60_000;
const LIMIT = 20_000;

interface Entry {
  words: string[];
  at: number;
}

export class ExpansionCache {
  readonly #entries = new Map<string, Entry>();

  constructor(private readonly now: () => number = Date.now) {}

  get(word: string, typing: boolean): string[] | undefined {
    const entry = this.#entries.get(`${typing ? 1 : 0}${word}`);
    return entry && this.now() - entry.at < TTL_MS ? entry.words : undefined;
  }

  set(word: string, typing: boolean, words: string[]): void {
    if (this.#entries.size >= LIMIT) this.#entries.clear();
    this.#entries.set(`${typing ? 1 : 0}${word}`, { words, at: this.now() });
  }
}
