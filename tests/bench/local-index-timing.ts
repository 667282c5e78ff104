import Fuse from 'fuse.js';
import { LocalIndex } from '../../server/src/domain/search/local-index.js';
import { generateContacts } from '../../seeds/synthetic/generate.js';
import { percentile } from '../helpers/search-quality.js';

/**
 * The browser's instant filter (the same LocalIndex the web app bundles) over `count` organisations, timed on every
 * keystroke of typing each query, against default fuse.js over the same display names.
 */
export function measureLocalIndex(count: number, seed: number) {
  const organisations = generateContacts(count * 8, seed)
    .filter((c) => c.kind === 'organization' || c.kind === 'volunteer_team')
    .slice(0, count)
    .map((c) => ({ name: c.name, nameLatin: c.nameLatin ?? null }));
  let started = performance.now();
  const index = new LocalIndex(organisations);
  const buildMs = performance.now() - started;
  const plain = new Fuse(organisations.map((o) => o.name));

  const queries = organisations.filter((_, i) => i % 50 === 0).map((o) => o.name.split(' ').slice(1, 3).join(' '));
  const keystrokes = queries.flatMap((q) => [...q].map((_, i) => q.slice(0, i + 1))).filter((k) => k.trim().length > 0);
  const ours: number[] = [];
  const baseline: number[] = [];
  for (const k of keystrokes) {
    started = performance.now();
    index.search(k, 20);
    ours.push(performance.now() - started);
    started = performance.now();
    plain.search(k, { limit: 20 });
    baseline.push(performance.now() - started);
  }
  return {
    buildMs,
    p50: percentile(ours, 50),
    p95: percentile(ours, 95),
    max: Math.max(...ours),
    baselineP50: percentile(baseline, 50),
    baselineP95: percentile(baseline, 95),
  };
}
