import type { Db } from '../../server/src/db/database.js';
import { insertContactsBulk } from '../../server/src/modules/contacts/contacts.repository.js';
import { toContactValues } from '../../server/src/modules/contacts/contact-values.js';
import { nameWords, searchColumns } from '../../server/src/modules/search/search-columns.js';
import { addVocabulary } from '../../server/src/modules/search/search.repository.js';
import type { SyntheticContact } from './generate.js';

/** Loads generated contacts in batches (one transaction each) through the same value and key code as the API. */
export async function loadSyntheticContacts(
  db: Db,
  contacts: readonly SyntheticContact[],
  onProgress?: (loaded: number) => void,
  batchSize = 1000,
): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < contacts.length; start += batchSize) {
    const batch = contacts.slice(start, start + batchSize).map((c) => {
      const { latinVariants: _latin, ...input } = c;
      const values = toContactValues(input);
      return { values: { ...values, ...searchColumns(values) }, governorates: c.governorates };
    });
    const batchIds = await db.transaction().execute(async (trx) => {
      await addVocabulary(
        trx,
        batch.flatMap((c) => nameWords(c.values.search_terms)),
      );
      return insertContactsBulk(trx, batch);
    });
    ids.push(...batchIds);
    onProgress?.(ids.length);
  }
  return ids;
}
