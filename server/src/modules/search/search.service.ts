import type { Db } from '../../db/database.js';
import type { Actor } from '../../access/actor.js';
import { seesRestrictedDetails } from '../../access/restricted-details.js';
import { isPersonKind, type ContactKind } from '../../domain/contact-kinds.js';
import { phoneSearchDigits } from '../../domain/phone.js';
import { gluedWordSplits, nameWordForms, searchWords } from '../../domain/search/search-key.js';
import { isBareArticle, skeletonVariants } from '../../domain/search/skeleton.js';
import { queryVariants } from '../../domain/search/query-variants.js';
import { prepareQuery, preparedMatchScore, type PreparedQuery } from '../../domain/search/name-match.js';
import { alignedMatchScore, nameSlots } from '../../domain/search/name-alignment.js';
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

/**
 * A person's name is given name … family name, so where the query words sit in it says whom the user means; an
 * organisation's name has no such order, and keeps the plain word-by-word score.
 */
function scoreRow(query: PreparedQuery, row: repo.CandidateRow): number {
  const names = [row.name, row.name_latin, row.name_ku].filter((n): n is string => Boolean(n));
  const score = isPersonKind(row.kind)
    ? (name: string) => alignedMatchScore(query, nameSlots(name))
    : (name: string) => preparedMatchScore(query, nameWordForms(name));
  const best = Math.max(...names.map(score));
  return best > 0 ? best : FALLBACK_SCORE;
}

/** Scores closer than this are equal: the same words matched the same way, summed in another order. */
const SAME_SCORE = 1e-9;

/**
 * Best score first; among equal scores the contacts the actor worked on most recently (recency: position in their
 * recent list), then the name with fewer words (the query says more of it), then by name.
 */
function byRank(recency: ReadonlyMap<string, number> = new Map()) {
  const recent = (s: Scored) => recency.get(s.row.id) ?? Number.POSITIVE_INFINITY;
  return (a: Scored, b: Scored): number =>
    (Math.abs(b.score - a.score) > SAME_SCORE ? b.score - a.score : 0) ||
    (recent(a) === recent(b) ? 0 : recent(a) < recent(b) ? -1 : 1) ||
    searchWords(a.row.name).length - searchWords(b.row.name).length ||
    (a.row.name < b.row.name ? -1 : a.row.name > b.row.name ? 1 : 0);
}

/** How many of the actor's latest audited actions say which contacts they have been working on. */
const RECENT_ACTIONS = 200;
/** Ties are looked for among this many of the best matches: a page of quick-search results. */
const TIE_WINDOW = 10;

/**
 * Where several of the best matches fit the query equally (many people called قاسم الهيتي), the ones the actor has
 * recently edited come first: they are the likeliest to be meant. Asked only when such a tie exists.
 */
async function withRecentFirst(db: Db, actor: Actor, sorted: Scored[]): Promise<Scored[]> {
  const top = sorted.slice(0, TIE_WINDOW + 1);
  const tied = top.some((m, i) => i > 0 && Math.abs(top[i - 1].score - m.score) <= SAME_SCORE);
  if (!tied) return sorted;
  const recent = await repo.recentlyTouchedContacts(db, actor.id, RECENT_ACTIONS);
  if (recent.length === 0) return sorted;
  return [...sorted].sort(byRank(new Map(recent.map((id, i) => [id, i]))));
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
    return rows.map((row) => ({ row, score: 1, query: q })).sort(byRank());
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
  return withRecentFirst(db, actor, withoutNoiseBesideMatches([...best.values()].sort(byRank())));
}

/**
 * The father's name when the displayed name does not already show it as its second word (a name entered as
 * «قاسم الهيتي» with the father's name in its own field): with the governorate and the position it tells apart
 * people of the same name.
 */
function fatherNotShown(row: repo.CandidateRow): string | null {
  if (!row.name_father) return null;
  const father = searchWords(row.name_father).join('');
  return searchWords(row.name)[1] === father ? null : row.name_father;
}

export function toSearchResult({ row, score, query }: Scored, position: repo.CurrentPosition | null = null): SearchResult {
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
    detail: {
      fatherName: fatherNotShown(row),
      position: position && { title: position.title, organization: position.organization_name },
    },
  };
}

export async function search(db: Db, actor: Actor, q: string, filters: SearchFilters, limit: number) {
  const started = performance.now();
  const matches = (await rankedMatches(db, actor, q, filters)).slice(0, limit);
  const people = matches.filter((m) => isPersonKind(m.row.kind)).map((m) => m.row.id);
  const positions = new Map((await repo.currentPositions(db, people, actor.governorates)).map((p) => [p.person_id, p]));
  const results = matches.map((m) => toSearchResult(m, positions.get(m.row.id) ?? null));
  return { results, tookMs: Math.round((performance.now() - started) * 10) / 10 };
}
