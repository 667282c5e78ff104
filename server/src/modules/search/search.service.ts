import type { Db } from '../../db/database.js';
import type { Actor } from '../../access/actor.js';
import { seesRestrictedDetails } from '../../access/restricted-details.js';
import type { ContactKind } from '../../domain/contact-kinds.js';
import { phoneSearchDigits } from '../../domain/phone.js';
import { gluedWordSplits, nameWordForms, searchWords } from '../../domain/search/search-key.js';
import { isBareArticle, skeletonVariants } from '../../domain/search/skeleton.js';
import { queryVariants } from '../../domain/search/keyboard-layout.js';
import { prepareQuery, preparedMatchScore, type PreparedQuery } from '../../domain/search/name-match.js';
import { highlightRanges } from '../../domain/search/highlight.js';
import * as repo from './search.repository.js';
import { ExpansionCache } from './expansion-cache.js';
import type { SearchResult } from './search.schemas.js';

/** How many rows the SQL step hands to the exact scorer; the rough SQL order decides which. */
const CANDIDATES = 300;
/** Vocabulary words a word being typed may expand to by prefix; its typo neighbours are all kept. */
const PREFIX_EXPANSIONS = 300;
/** One cache per database: a process may serve more than one (tests, benchmarks). */
const caches = new WeakMap<Db, ExpansionCache>();
function cacheOf(db: Db): ExpansionCache {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new ExpansionCache()));
  return cache;
}

/**
 * Rows the database matched but the word-by-word scorer rejects (a shared trigram, a skeleton of another word) show
 * only when nothing really matches: beside a real match they are noise (فاتن bringing up an organisation).
 */
const FALLBACK_SCORE = 0.05;

function withoutNoiseBesideMatches(matches: Scored[]): Scored[] {
  return matches.some((m) => m.score > FALLBACK_SCORE) ? matches.filter((m) => m.score > FALLBACK_SCORE) : matches;
}

export interface SearchFilters {
  kind?: ContactKind;
  governorate?: string;
  createdFrom?: string;
  createdTo?: string;
}

interface Scored {
  row: repo.CandidateRow;
  score: number;
  query: string;
}

async function wordConditions(db: Db, query: string): Promise<repo.WordCondition[]> {
  const typingLast = !/\s$/u.test(query);
  const words = searchWords(query)
    .filter((w) => !isBareArticle(w))
    .map((word, i, all) => ({ word, typing: typingLast && i === all.length - 1 }));
  const cache = cacheOf(db);
  const known = words.map(({ word, typing }) => cache.get(word, typing));
  const missing = words.filter((_, i) => !known[i]);
  const fetched = await repo.expandWords(db, missing, PREFIX_EXPANSIONS);
  missing.forEach(({ word, typing }, i) => cache.set(word, typing, fetched[i]));
  // The word itself and the words it starts rank above its typo neighbours in the rough SQL order.
  return words.map(({ word }, i) => {
    const expansions = [...new Set([word, ...(known[i] ?? fetched[missing.indexOf(words[i])])])];
    return {
      strong: expansions.filter((w) => w.startsWith(word)),
      weak: expansions.filter((w) => !w.startsWith(word)),
      skeletons: skeletonVariants(word).filter((s) => s !== ''),
      splits: gluedWordSplits(word),
      splitSkeletons: gluedWordSplits(word).flatMap(([a, b]) => {
        const [first, second] = [skeletonVariants(a)[0], skeletonVariants(b)[0]];
        return first && second ? [[first, second] as [string, string]] : [];
      }),
    };
  });
}

function scoreRow(query: PreparedQuery, row: repo.CandidateRow): number {
  const names = [row.name, row.name_latin, row.name_ku].filter((n): n is string => Boolean(n));
  const best = Math.max(...names.map((name) => preparedMatchScore(query, nameWordForms(name))));
  return best > 0 ? best : FALLBACK_SCORE;
}

function byRank(a: Scored, b: Scored): number {
  return (
    b.score - a.score ||
    searchWords(a.row.name).length - searchWords(b.row.name).length ||
    (a.row.name < b.row.name ? -1 : a.row.name > b.row.name ? 1 : 0)
  );
}

/**
 * The ranked matches for q, over the whole directory the actor may see. Names are visible to every role;
 * a phone search skips restricted contacts for roles that may not see their phones.
 */
export async function rankedMatches(db: Db, actor: Actor, q: string, filters: SearchFilters): Promise<Scored[]> {
  const scope = { ...filters, visibleGovernorates: actor.governorates, limit: CANDIDATES };
  const digits = phoneSearchDigits(q);
  if (digits) {
    const rows = await repo.findPhoneCandidates(db, {
      ...scope,
      digits,
      includeRestricted: seesRestrictedDetails(actor),
    });
    return rows.map((row) => ({ row, score: 1, query: q })).sort(byRank);
  }
  const best = new Map<string, Scored>();
  for (const variant of queryVariants(q)) {
    const words = await wordConditions(db, variant);
    if (words.length === 0) continue;
    const rows = await repo.findNameCandidates(db, { ...scope, words });
    const prepared = prepareQuery(variant);
    for (const row of rows) {
      const score = scoreRow(prepared, row);
      const seen = best.get(row.id);
      if (!seen || seen.score < score) best.set(row.id, { row, score, query: variant });
    }
  }
  return withoutNoiseBesideMatches([...best.values()].sort(byRank));
}

export function toSearchResult({ row, score, query }: Scored): SearchResult {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    nameLatin: row.name_latin,
    governorates: row.governorates,
    score: Math.round(score * 1000) / 1000,
    highlight: {
      name: highlightRanges(query, row.name),
      nameLatin: row.name_latin ? highlightRanges(query, row.name_latin) : [],
    },
  };
}

export async function search(db: Db, actor: Actor, q: string, filters: SearchFilters, limit: number) {
  const started = performance.now();
  const matches = await rankedMatches(db, actor, q, filters);
  const results = matches.slice(0, limit).map(toSearchResult);
  return { results, tookMs: Math.round((performance.now() - started) * 10) / 10 };
}
