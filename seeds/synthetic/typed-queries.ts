/**
 * Queries built the way users type them, for the search benchmark. The noise model (noise.ts) keeps a reduced
 * query only when no other contact in the whole directory contains it, so its short queries are unambiguous by
 * construction and flatter the ranking. Here a user types just enough to single a person out among the people
 * they know — a small subset (a coordinator's few thousand contacts) — and the query is then run against the whole
 * directory, where other people with the same given name and family name are present too.
 *
 * The label is the person the user meant, plus any contact whose name is the same after light folding (no search
 * can tell those apart). Pure TypeScript, no Node imports, independent of server/src/domain/search.
 */
import { equivalenceKey, foldTokens } from './noise.js';
import { createRng, deriveSeed } from './random.js';
import type { SyntheticContact, SyntheticNameParts } from './generate.js';

export const TYPED_CLASSES = [
  'typed_first_half_family',
  'typed_first_family',
  'typed_first_father',
  'typed_given_only',
  'typed_family_only',
] as const;
export type TypedClass = (typeof TYPED_CLASSES)[number];

export interface TypedQuery {
  group: TypedClass;
  query: string;
  expectedIndex: number;
  /**
   * The right answers in the whole directory, ascending: every contact with the same name as the expected one (light
   * folding); for a single word (given or family name alone), every person whose given or family name it is.
   */
  equivalentIndexes: number[];
}

export interface TypedQueryOptions {
  seed: number;
  /** How many people the user knows: the queries only have to single the person out among these. */
  knownPeople: number;
  perClass: number;
}

/** A known person's name parts as compared: folded, compounds joined, without spaces. */
interface Folded {
  first: string;
  father: string;
  family: string;
}

const fold = (text: string | undefined) => (text ? foldTokens(text).join('') : '');
const foldParts = (p: SyntheticNameParts): Folded => ({ first: fold(p.first), father: fold(p.father), family: fold(p.family) });

/** What the user types for this class, and whether another known person fits it the way the user means it. */
interface Draft {
  query: string;
  fits(other: Folded): boolean;
  /**
   * One word names nobody among a few thousand people (the synthetic names repeat too much for that): any person
   * it fits is a right answer — a given name typed alone should bring up people of that given name, not their sons.
   */
  anyOf?: true;
}

/** The start of a family name, as if still typing it: half its letters after the article (الهيتي → الهي). */
export function halfWord(word: string): string | undefined {
  const letters = [...word];
  const article = word.startsWith('ال') ? 2 : 0;
  const rest = letters.length - article;
  const keep = Math.max(2, Math.ceil(rest / 2));
  return keep >= rest ? undefined : letters.slice(0, article + keep).join('');
}

/**
 * The query for this class, if the person's name has the parts it needs. A user types the given name meaning the
 * given name and the family name meaning the family name, so the query singles the person out among the people they
 * know when no other of them has the same parts (another قاسم الهيتي), whatever their other words are.
 */
function draftFor(group: TypedClass, p: SyntheticNameParts): Draft | undefined {
  const family = p.family && !p.family.includes(' ') ? p.family : undefined;
  const me: Folded = { ...foldParts(p), family: fold(family) };
  switch (group) {
    case 'typed_first_half_family': {
      const half = family && halfWord(family);
      const start = half && fold(half);
      return start
        ? {
            query: `${p.first} ${half}`,
            fits: (o) => o.first === me.first && (o.family.startsWith(start) || o.family.startsWith(`ال${start}`)),
          }
        : undefined;
    }
    case 'typed_first_family':
      return family ? { query: `${p.first} ${family}`, fits: (o) => o.first === me.first && o.family === me.family } : undefined;
    case 'typed_first_father':
      return { query: `${p.first} ${p.father}`, fits: (o) => o.first === me.first && o.father === me.father };
    case 'typed_given_only':
      return { query: p.first, fits: (o) => o.first === me.first, anyOf: true };
    case 'typed_family_only':
      return family ? { query: family, fits: (o) => o.family === me.family, anyOf: true } : undefined;
  }
}

/**
 * Up to perClass queries per class, each for a different person among `knownPeople` people drawn from contacts,
 * deterministic for the same contacts and seed.
 */
export function makeTypedQueries(contacts: readonly SyntheticContact[], opts: TypedQueryOptions): TypedQuery[] {
  const people = contacts.flatMap((c, i) => (c.nameParts ? [i] : []));
  const known = createRng(deriveSeed(opts.seed, 'known-people')).sample(people, opts.knownPeople);
  const eqKeys = contacts.map((c) => equivalenceKey(c.name));
  const byEq = new Map<string, number[]>();
  eqKeys.forEach((key, i) => byEq.set(key, [...(byEq.get(key) ?? []), i]));
  const parts = new Map(people.map((i) => [i, foldParts(contacts[i].nameParts!)]));

  const out: TypedQuery[] = [];
  for (const group of TYPED_CLASSES) {
    const order = createRng(deriveSeed(opts.seed, group)).shuffle(known);
    const queries = new Set<string>();
    for (const index of order) {
      if (queries.size >= opts.perClass) break;
      const draft = draftFor(group, contacts[index].nameParts!);
      if (!draft || queries.has(draft.query)) continue;
      let accept = byEq.get(eqKeys[index])!;
      if (draft.anyOf) accept = people.filter((i) => draft.fits(parts.get(i)!));
      else if (known.some((i) => eqKeys[i] !== eqKeys[index] && draft.fits(parts.get(i)!))) continue;
      queries.add(draft.query);
      out.push({ group, query: draft.query, expectedIndex: index, equivalentIndexes: accept });
    }
  }
  return out;
}
