import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/src/db/database.js';
import type { Actor } from '../../server/src/access/actor.js';
import { createUserRecord } from '../../server/src/modules/users/users.service.js';
import { createTestDatabase } from '../helpers/test-database.js';
import {
  buildLabelledDirectory,
  directoryEngine,
  runCases,
  summarise,
  type CaseOutcome,
  type Directory,
  type GroupMetrics,
} from '../helpers/search-quality.js';

// Floors just under what the search reaches on this labelled set (see `npm run bench:search` for the full
// figures): a change that makes search find fewer of the right people fails here.
const OVERALL_RECALL_AT_5 = 0.97;
const GROUP_RECALL_AT_5: Record<string, number> = { latin_script: 0.9, wrong_layout: 0.9 };
const ARABIC_GROUP_RECALL_AT_5 = 0.95;

let database: Database;
let directory: Directory;
let outcomes: CaseOutcome[];
let metrics: GroupMetrics[];

beforeAll(async () => {
  database = await createTestDatabase();
  const user = await createUserRecord(database.db, null, {
    email: 'quality@example.org',
    name: 'Quality',
    role: 'admin',
    password: 'a long enough password',
  });
  const admin: Actor = { id: user.id, role: 'admin', governorates: null };
  directory = await buildLabelledDirectory(database.db, admin, { size: 3000, seed: 7, perGroup: 20 });
  outcomes = await runCases(directoryEngine(database.db, admin), directory.cases);
  metrics = summarise(outcomes);
}, 180_000);
afterAll(() => database.close());

describe('search quality on the labelled query set (3,000 generated contacts + demo)', () => {
  it('has queries in every noise group', () => {
    expect(metrics.filter((m) => m.group !== 'overall' && !m.group.startsWith('hand:')).length).toBeGreaterThanOrEqual(14);
  });

  it(`finds the right contact in the first five for at least ${OVERALL_RECALL_AT_5} of all queries`, () => {
    const overall = metrics.find((m) => m.group === 'overall')!;
    const misses = outcomes.filter((o) => o.rank === null || o.rank > 5).map((o) => `${o.group}: ${o.query}`);
    expect(overall.recallAt5, `misses:\n${misses.join('\n')}`).toBeGreaterThanOrEqual(OVERALL_RECALL_AT_5);
  });

  it('keeps every noise group above its floor', () => {
    const below = metrics
      .filter((m) => m.group !== 'overall')
      .map((m) => ({ m, floor: GROUP_RECALL_AT_5[m.group.replace(/^hand:/, '')] ?? ARABIC_GROUP_RECALL_AT_5 }))
      .filter(({ m, floor }) => m.recallAt5 < floor)
      .map(({ m, floor }) => `${m.group}: ${m.recallAt5.toFixed(3)} < ${floor}`);
    expect(below).toEqual([]);
  });
});
