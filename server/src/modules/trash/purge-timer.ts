import type { Db } from '../../db/database.js';
import { purgeExpired } from './trash.service.js';

const HOUR_MS = 60 * 60 * 1000;

/**
 * The scheduled purge: once a minute after start, then hourly, removes what has been in the trash longer than
 * TRASH_DAYS. Every instance may run it; a second one deleting the same rows finds nothing left. The timers are
 * unref'd so they never keep a process (or a test run) alive. Returns the stop function.
 */
export function startTrashPurge(db: Db, days: number, log: (message: string) => void): () => void {
  const run = async () => {
    try {
      const purged = await purgeExpired(db, days);
      if (purged) log(`Trash: removed ${purged} item(s) deleted more than ${days} days ago`);
    } catch (error) {
      log(`Trash: the scheduled purge failed (${(error as Error).message}); it runs again within the hour`);
    }
  };
  const first = setTimeout(() => void run(), 60_000);
  const hourly = setInterval(() => void run(), HOUR_MS);
  first.unref();
  hourly.unref();
  return () => {
    clearTimeout(first);
    clearInterval(hourly);
  };
}
