import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEmbedded, type Database } from '../../server/src/db/database.js';
import { migrateToLatest } from '../../server/src/db/migrate.js';
import type { Actor } from '../../server/src/access/actor.js';
import { createUserRecord } from '../../server/src/modules/users/users.service.js';
import { search } from '../../server/src/modules/search/search.service.js';
import { generateContacts } from '../../seeds/synthetic/generate.js';
import { loadSyntheticContacts } from '../../seeds/synthetic/load.js';
import { makeQueries } from '../../seeds/synthetic/noise.js';
import { createTestDatabase } from '../helpers/test-database.js';
import { TEST_DATABASE_URL } from '../helpers/test-database-url.js';

// The same directory on the embedded PGlite (PostgreSQL 18) and the real server (PostgreSQL 15) must answer
// every query with the same contacts and the same scores. (Contacts that tie on score and name may come in either
// order: their ids, the last tie-breaker, are random per database.)
describe.runIf(TEST_DATABASE_URL)('search gives the same results on the embedded database and the real server', () => {
  const contacts = generateContacts(1500, 11);
  const queries = makeQueries(contacts, { seed: 11, perGroup: 6 }).map((q) => q.query);
  let embedded: Database;
  let server: Database;
  const actors: Actor[] = [];
  const idMaps: Map<string, number>[] = [];

  beforeAll(async () => {
    embedded = await openEmbedded(null);
    await migrateToLatest(embedded.db);
    server = await createTestDatabase();
    for (const database of [embedded, server]) {
      const user = await createUserRecord(database.db, null, {
        email: 'parity@example.org',
        name: 'Parity',
        role: 'admin',
        password: 'a long enough password',
      });
      actors.push({ id: user.id, role: 'admin', governorates: null });
      const ids = await loadSyntheticContacts(database.db, contacts);
      idMaps.push(new Map(ids.map((id, index) => [id, index])));
    }
  }, 120_000);

  afterAll(async () => {
    await embedded?.close();
    await server?.close();
  });

  it(`for ${queries.length} noisy queries`, async () => {
    const answers = async (i: number, database: Database) =>
      Promise.all(
        queries.map(async (q) => {
          const { results } = await search(database.db, actors[i], q, {}, 10);
          return results
            .map((r) => `${r.score}:${idMaps[i].get(r.id)}`)
            .sort()
            .join(' ');
        }),
      );
    const [fromEmbedded, fromServer] = [await answers(0, embedded), await answers(1, server)];
    expect(fromEmbedded.filter((a) => a !== '').length).toBeGreaterThan(queries.length * 0.9);
    expect(fromServer).toEqual(fromEmbedded);
  });
});
