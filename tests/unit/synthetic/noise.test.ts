import { beforeAll, describe, expect, it } from 'vitest';
import { generateContacts, type SyntheticContact } from '../../../seeds/synthetic/generate.js';
import {
  arabicToEnglishLayout,
  COMBINATIONS,
  equivalenceKey,
  foldText,
  foldTokens,
  type LabelledQuery,
  makeQueries,
  NOISE_GROUPS,
  type NoiseGroup,
} from '../../../seeds/synthetic/noise.js';

const PER_GROUP = 60;
const ARABIC_LETTER = /[\u0621-\u064A\u0671-\u06D5]/;

let contacts: SyntheticContact[];
let queries: LabelledQuery[];

beforeAll(() => {
  contacts = generateContacts(30_000, 11);
  const start = performance.now();
  queries = makeQueries(contacts, { seed: 5, perGroup: PER_GROUP });
  console.log(`makeQueries over ${contacts.length} contacts, ${queries.length} queries: ${(performance.now() - start).toFixed(0)} ms`);
});

function inGroup(group: NoiseGroup): LabelledQuery[] {
  return queries.filter((q) => q.group === group);
}

/** The contact's name as words, without the em dash of organisation names. */
function plain(name: string): string {
  return name
    .split(/\s+/)
    .filter((w) => !/^[—–-]+$/.test(w))
    .join(' ');
}

describe('makeQueries', () => {
  it('produces queries for every group', () => {
    for (const group of NOISE_GROUPS) expect(inGroup(group).length, group).toBe(PER_GROUP);
  });

  it('is deterministic by seed', () => {
    const small = contacts.slice(0, 5000);
    const a = makeQueries(small, { seed: 1, perGroup: 10 });
    expect(makeQueries(small, { seed: 1, perGroup: 10 })).toEqual(a);
    expect(makeQueries(small, { seed: 2, perGroup: 10 })).not.toEqual(a);
  });

  it('keeps each group stable when only some groups are asked for', () => {
    const small = contacts.slice(0, 5000);
    const all = makeQueries(small, { seed: 3, perGroup: 8 });
    const typos = makeQueries(small, { seed: 3, perGroup: 8, groups: ['typo_1'] });
    expect(typos).toEqual(all.filter((q) => q.group === 'typo_1'));
  });

  it('labels each query with its contact and every contact of the same name', () => {
    for (const q of queries) {
      expect(q.expectedIndex).toBeGreaterThanOrEqual(0);
      expect(q.expectedIndex).toBeLessThan(contacts.length);
      expect(q.equivalentIndexes).toContain(q.expectedIndex);
      const key = equivalenceKey(contacts[q.expectedIndex].name);
      for (const i of q.equivalentIndexes) expect(equivalenceKey(contacts[i].name)).toBe(key);
    }
    // Completeness: no other contact has the same key.
    const q = queries[0];
    const key = equivalenceKey(contacts[q.expectedIndex].name);
    const all = contacts.flatMap((c, i) => (equivalenceKey(c.name) === key ? [i] : []));
    expect(q.equivalentIndexes).toEqual(all);
  });

  it('uses each contact at most once per group and never repeats a query in a group', () => {
    for (const group of NOISE_GROUPS) {
      const qs = inGroup(group);
      expect(new Set(qs.map((q) => q.expectedIndex)).size).toBe(qs.length);
      expect(new Set(qs.map((q) => q.query)).size).toBe(qs.length);
    }
  });

  it('gives the exact name for exact, and something else for every noisy group', () => {
    for (const q of inGroup('exact')) expect(q.query).toBe(contacts[q.expectedIndex].name);
    for (const q of queries.filter((x) => x.group !== 'exact')) {
      expect(q.query, q.group).not.toBe(contacts[q.expectedIndex].name);
      expect(q.query.trim()).toBe(q.query);
      expect(q.query).not.toMatch(/\s{2}/);
    }
  });

  it('alef/ya/ta, diacritics and Persian letters only change what folding removes', () => {
    for (const group of ['alef_ya_ta_variants', 'diacritics_tatweel', 'persian_letters'] as const) {
      for (const q of inGroup(group)) {
        expect(foldText(q.query), `${group}: ${q.query}`).toBe(foldText(plain(contacts[q.expectedIndex].name)));
      }
    }
    for (const q of inGroup('diacritics_tatweel')) expect(q.query).toMatch(/[\u064B-\u0652\u0640]/);
    for (const q of inGroup('persian_letters')) expect(q.query).toMatch(/[یکە]/);
  });

  it('drops the article from the family name', () => {
    for (const q of inGroup('article_dropped')) {
      const c = contacts[q.expectedIndex];
      const family = c.nameParts!.family!;
      expect(q.query.split(' ')).not.toContain(family);
      expect(q.query.endsWith(family.replace(/^(ال|آل |ال )/, ''))).toBe(true);
    }
  });

  it('splits or joins a compound without changing the letters', () => {
    for (const q of inGroup('compound_split_join')) {
      const name = contacts[q.expectedIndex].name;
      expect(q.query.replace(/\s/g, '')).toBe(plain(name).replace(/\s/g, ''));
    }
  });

  it('makes typos that change a word into no word of the directory', () => {
    const vocabulary = new Set(contacts.flatMap((c) => foldTokens(c.name)));
    for (const group of ['typo_1', 'typo_2'] as const) {
      for (const q of inGroup(group)) {
        const original = foldTokens(contacts[q.expectedIndex].name);
        const words = foldTokens(q.query);
        const changed = words.filter((w) => !original.includes(w));
        expect(changed.length, q.query).toBeGreaterThanOrEqual(1);
        expect(changed.length).toBeLessThanOrEqual(2);
        for (const w of changed) expect(vocabulary.has(w), `${q.query}: ${w}`).toBe(false);
      }
    }
  });

  it('reorders, reduces and cuts names as described', () => {
    for (const q of inGroup('word_order')) {
      const name = contacts[q.expectedIndex].name;
      expect([...q.query.split(' ')].sort()).toEqual([...name.split(' ')].sort());
    }
    for (const q of inGroup('first_and_family')) {
      const p = contacts[q.expectedIndex].nameParts!;
      expect(q.query).toBe(`${p.first} ${p.family}`);
    }
    for (const q of inGroup('partial_typing')) {
      const words = q.query.split(' ');
      const last = words[words.length - 1];
      expect(words.length).toBeGreaterThanOrEqual(2);
      expect(last.length).toBeGreaterThanOrEqual(2);
      expect(last.length).toBeLessThanOrEqual(5);
      expect(contacts[q.expectedIndex].name.split(' ').some((w) => w.startsWith(last) && w !== last)).toBe(true);
    }
    for (const q of inGroup('organisation_partial')) {
      const c = contacts[q.expectedIndex];
      expect(c.kind === 'organization' || c.kind === 'volunteer_team').toBe(true);
      expect(foldTokens(q.query)).toHaveLength(2);
      const nameWords = foldTokens(c.name);
      for (const w of foldTokens(q.query)) expect(nameWords).toContain(w);
    }
  });

  it('keeps reduced queries unambiguous: no other name contains all their words', () => {
    const tokens = contacts.map((c) => foldTokens(c.name));
    const keys = tokens.map((t) => t.join(''));
    for (const q of [...inGroup('first_and_family'), ...inGroup('organisation_partial')]) {
      const words = foldTokens(q.query);
      const key = keys[q.expectedIndex];
      const others = tokens.filter((t, i) => keys[i] !== key && words.every((w) => t.includes(w)));
      expect(others, q.query).toEqual([]);
    }
  });

  it('writes Latin-script and wrong-layout queries without Arabic letters', () => {
    for (const q of inGroup('latin_script')) {
      expect(q.query).not.toMatch(ARABIC_LETTER);
      expect(q.query).toMatch(/[a-zA-Z]/);
    }
    for (const q of inGroup('wrong_layout')) {
      expect(q.query).not.toMatch(ARABIC_LETTER);
      expect(q.query).toMatch(/[a-zA-Z[\];',./`]/);
    }
  });

  it('labels combined queries with two known components', () => {
    const known = COMBINATIONS.map(([a, b]) => `${a}+${b}`);
    const seen = new Set<string>();
    for (const q of inGroup('combined')) {
      expect(q.components).toHaveLength(2);
      const key = q.components!.join('+');
      expect(known).toContain(key);
      seen.add(key);
    }
    expect(seen.size).toBeGreaterThan(8);
    for (const q of queries.filter((x) => x.group !== 'combined')) expect(q.components).toBeUndefined();
  });
});

describe('arabicToEnglishLayout', () => {
  it('types جمال as [lhg', () => {
    expect(arabicToEnglishLayout('جمال')).toBe('[lhg');
  });

  it('maps the whole Arabic (PC) layout, with shifted hamza forms and the lam-alef key', () => {
    expect(arabicToEnglishLayout('جمال الجواهري')).toBe('[lhg hg[,hivd');
    expect(arabicToEnglishLayout('ذضصثقفغعهخحجدشسيبلاتنمكطئءؤرىةوزظ', false)).toBe("`qwertyuiop[]asdfghjkl;'zxcvnm,./");
    expect(arabicToEnglishLayout('أ إ آ')).toBe('H Y N');
    expect(arabicToEnglishLayout('صلاح')).toBe('wbp');
    expect(arabicToEnglishLayout('صلاح', false)).toBe('wghp');
    expect(arabicToEnglishLayout('الأمل')).toBe('hGlg');
    expect(arabicToEnglishLayout('الإنسان')).toBe('hTkshk');
  });
});
