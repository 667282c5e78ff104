import { checkDuplicates, type DuplicateCheck } from './duplicates-api';
import type { DuplicateCandidate, HiddenMatches } from './types';

const DEBOUNCE_MS = 600;
const MIN_NAME_LENGTH = 3;

/**
 * "Looks like an existing contact" while a contact form is filled in: asks the server a moment after the name,
 * phones or emails change, and once more on submit. Failures stay silent: the check helps, it never blocks saving.
 */
export class DuplicateChecker {
  candidates = $state<DuplicateCandidate[]>([]);
  /** Matches on restricted contacts' phones or emails that the user's role may not see: only counted. */
  hidden = $state<HiddenMatches | null>(null);
  checking = $state(false);
  /** The user saw these matches and chose to save anyway. */
  acknowledged = $state(false);
  #timer: ReturnType<typeof setTimeout> | undefined;
  #controller: AbortController | null = null;
  #lastKey = '';

  schedule(input: DuplicateCheck | null): void {
    clearTimeout(this.#timer);
    const key = JSON.stringify(input);
    if (key === this.#lastKey) return;
    this.#timer = setTimeout(() => void this.check(input), DEBOUNCE_MS);
  }

  /** Something to look at before saving: a match shown, or one withheld. */
  get hasMatches(): boolean {
    return this.candidates.length > 0 || this.hidden !== null;
  }

  /** Runs the check now (unless this very input was just checked) and returns the matches it may show. */
  async check(input: DuplicateCheck | null): Promise<DuplicateCandidate[]> {
    clearTimeout(this.#timer);
    const key = JSON.stringify(input);
    if (key === this.#lastKey && !this.checking) return this.candidates;
    this.#controller?.abort();
    this.#lastKey = key;
    if (!input || input.name.trim().length < MIN_NAME_LENGTH) {
      this.#update([], null);
      return [];
    }
    const controller = new AbortController();
    this.#controller = controller;
    this.checking = true;
    try {
      const { items, hiddenMatches } = await checkDuplicates(input, controller.signal);
      this.#update(items, hiddenMatches);
    } catch {
      if (!controller.signal.aborted) this.#lastKey = '';
    } finally {
      if (this.#controller === controller) this.checking = false;
    }
    return this.candidates;
  }

  dispose(): void {
    clearTimeout(this.#timer);
    this.#controller?.abort();
  }

  #update(found: DuplicateCandidate[], hidden: HiddenMatches | null): void {
    const changed =
      found.map((c) => c.contactId).join() !== this.candidates.map((c) => c.contactId).join() ||
      (hidden?.count ?? 0) !== (this.hidden?.count ?? 0);
    this.candidates = found;
    this.hidden = hidden;
    // New matches deserve a new look before saving.
    if (changed) this.acknowledged = false;
  }
}
