import type { Db } from '../../db/database.js';
import { SEARCH_KEY_VERSION, nameWords, searchColumns } from './search-columns.js';
import { addVocabulary, rowsWithOldKeys, writeSearchColumns } from './search.repository.js';

const BATCH = 500;

/**
 * Keys every contact whose stored search keys are older than the code's (after the migration that added them,
 * or after a change of the normalisation). Batched, one transaction a batch, so it can stop and resume.
 */
export async function backfillSearchKeys(db: Db): Promise<number> {
  let done = 0;
  for (;;) {
    const count = await db.transaction().execute(async (trx) => {
      const rows = await rowsWithOldKeys(trx, SEARCH_KEY_VERSION, BATCH);
      for (const row of rows) {
        const columns = searchColumns(row);
        await writeSearchColumns(trx, row.id, columns);
        await addVocabulary(trx, nameWords(columns.search_terms));
      }
      return rows.length;
    });
    done += count;
    if (count < BATCH) return done;
  }
}
