import { sql } from 'kysely';
import type { Db } from '../../server/src/db/database.js';
import type { Actor } from '../../server/src/access/actor.js';
import { rankedMatches } from '../../server/src/modules/search/search.service.js';
import { createUserRecord } from '../../server/src/modules/users/users.service.js';
import { generateContacts, type SyntheticContact } from '../../seeds/synthetic/generate.js';
import { loadSyntheticContacts } from '../../seeds/synthetic/load.js';
import { equivalenceKey, foldTokens, makeQueries } from '../../seeds/synthetic/noise.js';
import { isPersonKind } from '../../server/src/domain/contact-kinds.js';
import { makeTypedQueries } from '../../seeds/synthetic/typed-queries.js';
import { HANDWRITTEN_QUERIES } from '../../seeds/synthetic/handwritten-queries.js';
import { DEMO_CONTACTS } from '../../seeds/demo-contacts.js';
import { loadDemoContacts } from '../../seeds/load-demo.js';

/** A labelled query: any of `accept` (contact ids) counts as the right answer. */
export interface QueryCase {
  group: string;
  query: string;
  accept: Set<string>;
}

export interface Directory {
  /** Display names by contact id, for engines that work over names (the fuse.js baseline). */
  names: Map<string, string>;
  cases: QueryCase[];
}

/**
 * A directory of `size` generated contacts plus the demo contacts, loaded into db, with its labelled queries:
 * the generated noise model (perGroup per noise group, each query unambiguous in the whole directory), with `typed`
 * the queries as users type them (unambiguous only among `knownPeople` of the contacts, groups `typed_…`), and,
 * unless handwritten is false, the hand-written queries for demo names (which name people uniquely among the demo
 * contacts, not among a large generated directory).
 */
export async function buildLabelledDirectory(
  db: Db,
  admin: Actor,
  opts: {
    size: number;
    seed: number;
    perGroup: number;
    typed?: { knownPeople: number; perClass: number };
    handwritten?: boolean;
    onProgress?: (n: number) => void;
  },
): Promise<Directory> {
  const contacts: SyntheticContact[] = generateContacts(opts.size, opts.seed);
  const ids = await loadSyntheticContacts(db, contacts, opts.onProgress);
  await loadDemoContacts(db, admin);
  const { rows } = await sql<{ id: string; name: string }>`SELECT id, name FROM contact`.execute(db);
  const names = new Map(rows.map((r) => [r.id, r.name]));
  const demoIdsByName = new Map<string, string[]>();
  const demoNames = new Set(DEMO_CONTACTS.map((d) => d.name));
  for (const row of rows) {
    if (demoNames.has(row.name)) demoIdsByName.set(row.name, [...(demoIdsByName.get(row.name) ?? []), row.id]);
  }
  // A demo contact with the same name as the one meant is as right an answer as the generated namesakes.
  const demoByKey = new Map<string, string[]>();
  for (const row of rows) {
    if (!demoNames.has(row.name)) continue;
    const key = equivalenceKey(row.name);
    demoByKey.set(key, [...(demoByKey.get(key) ?? []), row.id]);
  }
  const acceptOf = (indexes: number[], expected: number) =>
    new Set([...indexes.map((i) => ids[i]), ...(demoByKey.get(equivalenceKey(contacts[expected].name)) ?? [])]);
  const generated = makeQueries(contacts, { seed: opts.seed, perGroup: opts.perGroup }).map((q) => ({
    group: q.group,
    query: q.query,
    accept: acceptOf(q.equivalentIndexes, q.expectedIndex),
  }));
  // A single word (given or family name alone) is rightly answered by any person of that name, demo ones too.
  const demoPeople = rows
    .filter((r) => DEMO_CONTACTS.some((d) => d.name === r.name && isPersonKind(d.kind)))
    .map((r) => ({ id: r.id, tokens: foldTokens(r.name) }));
  const demoNamed = (group: string, word: string) =>
    demoPeople
      .filter(({ tokens }) => (group === 'typed_given_only' ? tokens[0] === word : tokens.length > 1 && tokens.at(-1) === word))
      .map((p) => p.id);
  const typed = opts.typed
    ? makeTypedQueries(contacts, { seed: opts.seed, ...opts.typed }).map((q) => {
        const accept = acceptOf(q.equivalentIndexes, q.expectedIndex);
        const single = q.group === 'typed_given_only' || q.group === 'typed_family_only';
        if (single) for (const id of demoNamed(q.group, foldTokens(q.query).join(''))) accept.add(id);
        return { group: q.group, query: q.query, accept };
      })
    : [];
  const handwritten = HANDWRITTEN_QUERIES.map((q) => ({
    group: `hand:${q.group}`,
    query: q.query,
    accept: new Set(demoIdsByName.get(q.expectedName) ?? []),
  }));
  return { names, cases: [...generated, ...typed, ...(opts.handwritten === false ? [] : handwritten)] };
}

export type Engine = (query: string) => Promise<string[]> | string[];

/**
 * An administrator who has worked on no contact, to search as: the one who loaded the directory would see the
 * contacts they created first among equals (the recency tie-break), which no label accounts for.
 */
export async function freshSearcher(db: Db): Promise<Actor> {
  const user = await createUserRecord(db, null, {
    email: `searcher-${Math.random().toString(36).slice(2)}@example.org`,
    name: 'Searcher',
    role: 'admin',
    password: 'a long enough password',
  });
  return { id: user.id, role: 'admin', governorates: null };
}

/** The directory search as the API runs it, in process: ranked contact ids. */
export function directoryEngine(db: Db, actor: Actor, limit = 10): Engine {
  return async (query) => (await rankedMatches(db, actor, query, {})).slice(0, limit).map((m) => m.row.id);
}

export interface GroupMetrics {
  group: string;
  queries: number;
  recallAt1: number;
  recallAt5: number;
  mrr: number;
  noResult: number;
  p50Ms: number;
  p95Ms: number;
}

export interface CaseOutcome {
  group: string;
  query: string;
  rank: number | null;
  results: number;
  ms: number;
  /** The first result and one of the right answers, to show what a miss put first. */
  topId: string | null;
  expectedId: string;
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export async function runCases(engine: Engine, cases: QueryCase[]): Promise<CaseOutcome[]> {
  const outcomes: CaseOutcome[] = [];
  for (const c of cases) {
    const started = performance.now();
    const ids = await engine(c.query);
    const ms = performance.now() - started;
    const index = ids.findIndex((id) => c.accept.has(id));
    outcomes.push({
      group: c.group,
      query: c.query,
      rank: index >= 0 ? index + 1 : null,
      results: ids.length,
      ms,
      topId: ids[0] ?? null,
      expectedId: [...c.accept][0],
    });
  }
  return outcomes;
}

function metricsOf(group: string, outcomes: CaseOutcome[]): GroupMetrics {
  const n = outcomes.length || 1;
  const ms = outcomes.map((o) => o.ms);
  return {
    group,
    queries: outcomes.length,
    recallAt1: outcomes.filter((o) => o.rank === 1).length / n,
    recallAt5: outcomes.filter((o) => o.rank !== null && o.rank <= 5).length / n,
    mrr: outcomes.reduce((sum, o) => sum + (o.rank ? 1 / o.rank : 0), 0) / n,
    noResult: outcomes.filter((o) => o.results === 0).length / n,
    p50Ms: percentile(ms, 50),
    p95Ms: percentile(ms, 95),
  };
}

/** Metrics per group (generated groups, then hand-written ones), then overall. */
export function summarise(outcomes: CaseOutcome[]): GroupMetrics[] {
  const groups = [...new Set(outcomes.map((o) => o.group))].sort(
    (a, b) => Number(a.startsWith('hand:')) - Number(b.startsWith('hand:')) || a.localeCompare(b),
  );
  return [
    ...groups.map((g) =>
      metricsOf(
        g,
        outcomes.filter((o) => o.group === g),
      ),
    ),
    metricsOf('overall', outcomes),
  ];
}
