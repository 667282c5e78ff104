import { SNAPSHOTS } from './cases.js';
import { recordingDb } from './recording-db.js';
import { renderSnapshot, type SnapshotEntry } from './render.js';

export const QUERIES_DIR = 'server/src/queries';

/** Every snapshot file's name and text, generated in memory from the repositories as they are now. */
export async function generateSnapshots(): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const { file, source, cases } of SNAPSHOTS) {
    const entries: SnapshotEntry[] = [];
    for (const c of cases) {
      const { db, recorded } = recordingDb(c.answers);
      try {
        await c.run(db);
      } catch (error) {
        throw new Error(`${source}: ${c.call} failed on its example answers`, { cause: error });
      }
      entries.push({ call: c.call, queries: recorded });
    }
    out.set(file, renderSnapshot(source, entries));
  }
  return out;
}
