import { listImportRows } from './imports-api';
import { describeImportError } from './labels';
import type { ImportOutcome, ImportRowPage } from './types';

export const ROWS_PAGE_SIZE = 50;

/** One page of an import's rows, refetched when the outcome filter or the page changes; stale answers are dropped. */
export class ImportRowsView {
  outcome = $state<ImportOutcome | ''>('');
  offset = $state(0);
  page = $state<ImportRowPage | null>(null);
  loading = $state(false);
  error = $state<string | null>(null);
  #controller: AbortController | null = null;
  readonly #importId: string;

  constructor(importId: string) {
    this.#importId = importId;
  }

  filter(outcome: ImportOutcome | ''): void {
    this.outcome = outcome;
    this.offset = 0;
    void this.load();
  }

  goTo(offset: number): void {
    this.offset = offset;
    void this.load();
  }

  async load(): Promise<void> {
    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    this.loading = true;
    this.error = null;
    try {
      this.page = await listImportRows(
        this.#importId,
        { outcome: this.outcome, limit: ROWS_PAGE_SIZE, offset: this.offset },
        controller.signal,
      );
    } catch (cause) {
      if (controller.signal.aborted) return;
      this.error = describeImportError(cause);
    } finally {
      if (this.#controller === controller) this.loading = false;
    }
  }
}
