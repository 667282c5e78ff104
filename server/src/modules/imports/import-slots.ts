import { RetryLaterError } from '../../errors.js';

export interface ImportSlotLimits {
  /** Imports one account may have being parsed, previewed or committed at once. */
  perUser: number;
  /** Imports the whole server runs at once. */
  total: number;
}

/** Gives the slot back; calling it again does nothing. */
export type ReleaseImportSlot = () => Promise<void>;

/**
 * Caps how many imports (an upload being parsed, a preview being matched, a run being committed) run at the same
 * time, per account and in all: each can hold a workbook's worth of memory and keep the database busy for seconds.
 * The count lives in this process's memory on purpose: the total protects this process's memory, which is what a
 * workbook costs. With several instances the per-account cap therefore applies per instance.
 */
export class ImportSlots {
  private running = 0;
  private readonly byUser = new Map<string, number>();

  constructor(readonly limits: ImportSlotLimits) {}

  /** A slot for this account, or null when it or the server already runs as many imports as allowed. */
  async tryAcquire(userId: string): Promise<ReleaseImportSlot | null> {
    const mine = this.byUser.get(userId) ?? 0;
    if (mine >= this.limits.perUser || this.running >= this.limits.total) return null;
    this.byUser.set(userId, mine + 1);
    this.running += 1;
    let released = false;
    return async () => {
      if (released) return;
      released = true;
      this.running -= 1;
      const left = (this.byUser.get(userId) ?? 1) - 1;
      if (left > 0) this.byUser.set(userId, left);
      else this.byUser.delete(userId);
    };
  }

  /** Slots in use, for one account or in all. */
  inUse(userId?: string): number {
    return userId === undefined ? this.running : (this.byUser.get(userId) ?? 0);
  }
}

/** Seconds a client is asked to wait before trying again; an ordinary import takes a few. */
export const IMPORTS_RETRY_AFTER_SECONDS = 10;

export class ImportsBusyError extends RetryLaterError {
  constructor(scope: 'user' | 'server') {
    super(
      429,
      'IMPORTS_BUSY',
      scope === 'user'
        ? 'You already have imports running; wait for one to finish and try again'
        : 'The server is running as many imports as it can; try again in a few seconds',
      IMPORTS_RETRY_AFTER_SECONDS,
    );
  }
}

/**
 * Runs `work` holding an import slot, released however it ends; throws ImportsBusyError (429 IMPORTS_BUSY) at once
 * when no slot is free. Nothing waits in a queue: a client told to retry holds no memory meanwhile.
 */
export async function withImportSlot<T>(slots: ImportSlots, userId: string, work: () => Promise<T>): Promise<T> {
  const release = await slots.tryAcquire(userId);
  if (!release) throw new ImportsBusyError(slots.inUse(userId) >= slots.limits.perUser ? 'user' : 'server');
  try {
    return await work();
  } finally {
    await release();
  }
}

/** The server's import slots: two imports per account, four in all. */
export const importSlots = new ImportSlots({ perUser: 2, total: 4 });
