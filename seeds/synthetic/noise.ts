/**
 * Query noise model for the search benchmark: from a synthetic directory, a labelled set of noisy queries, each with
 * the contact it should find, grouped by the kind of noise real users produce (docs: /work/shared/arabic-search.md §6).
 * Deterministic by seed; each group has its own random stream, so adding a group leaves the others unchanged.
 *
 * Every query is checked to still identify its contact: a query that keeps all of the name's words may only match
 * contacts with the same name; a reduced one (first + family, two words of an organisation, a prefix while typing) must
 * not be contained in any other contact's name. `equivalentIndexes` lists the contacts a search cannot tell apart from
 * the expected one (same name up to hamza/alef, ta marbuta, alef maqsura, harakat and spacing of compounds), so an
 * evaluation can accept any of them.
 *
 * Pure TypeScript, no Node imports. Deliberately independent of server/src/domain/search, so the labels are not built
 * from the code they evaluate.
 */
import { latinSpellings } from './names.js';
import { createRng, deriveSeed, type Rng } from './random.js';
import type { SyntheticContact } from './generate.js';

export const NOISE_GROUPS = [
  'exact',
  'alef_ya_ta_variants',
  'diacritics_tatweel',
  'persian_letters',
  'article_dropped',
  'compound_split_join',
  'typo_1',
  'typo_2',
  'word_order',
  'first_and_family',
  'partial_typing',
  'latin_script',
  'wrong_layout',
  'organisation_partial',
  'combined',
] as const;
export type NoiseGroup = (typeof NOISE_GROUPS)[number];

export interface LabelledQuery {
  group: NoiseGroup;
  query: string;
  /** Index into the contacts array given to makeQueries. */
  expectedIndex: number;
  /** Every contact whose name is the same as the expected one's (after light folding), expectedIndex included, ascending. */
  equivalentIndexes: number[];
  /** For 'combined': the two noise groups applied. */
  components?: [NoiseGroup, NoiseGroup];
}

export interface MakeQueriesOptions {
  seed: number;
  /** Queries per group; fewer when the directory has too few contacts the group applies to. */
  perGroup: number;
  /** Restrict to these groups (default: all of NOISE_GROUPS). */
  groups?: readonly NoiseGroup[];
}

// ───────────────────────────── Folding (for labels only) ─────────────────────────────

const INVISIBLES = /[\u0640\u0674\u200B-\u200F\u202A-\u202E\u2066-\u2069\u061C\uFEFF\u00AD]/g;
const COMBINING = /\p{M}/gu;

/**
 * A light fold for comparing names when labelling: harakat and tatweel removed, أ إ آ → ا, ؤ → و, ئ → ي, ى ی → ي,
 * ة ە → ه, ک → ك, punctuation → space. Not the search key (it does not join compounds; see foldTokens).
 */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(COMBINING, '')
    .replace(INVISIBLES, '')
    .replace(/[ٱٲٳٵ]/g, 'ا')
    .replace(/[ىیےېێۍ]/g, 'ي')
    .replace(/[ةۃەہھ]/g, 'ه')
    .replace(/[کڪگ]/g, 'ك')
    .toLowerCase()
    .replace(/[—–\-_.,،؛؟?!«»'"()[\]/\\:;]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** foldText split into words, with compounds joined: عبد + X, ابو/ابي + الX, and X + الله/الدين. */
export function foldTokens(text: string): string[] {
  const words = foldText(text).split(' ').filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const next = words[i + 1];
    if (next !== undefined && (w === 'عبد' || ((w === 'ابو' || w === 'ابي') && next.startsWith('ال')))) {
      out.push(w + next);
      i++;
    } else if ((w === 'الله' || w === 'الدين') && out.length > 0) {
      out[out.length - 1] += w;
    } else {
      out.push(w);
    }
  }
  return out;
}

/** The key under which two names count as the same name: folded, compounds joined, all spaces removed. */
export function equivalenceKey(name: string): string {
  return foldTokens(name).join('');
}

// ───────────────────────────── Keyboards ─────────────────────────────

/** The Latin key of each Arabic character on the Arabic (PC) layout; أ إ آ and the lam-alef ligatures are shifted. */
export const ARABIC_LAYOUT_KEYS: Readonly<Record<string, string>> = {
  ذ: '`',
  ض: 'q',
  ص: 'w',
  ث: 'e',
  ق: 'r',
  ف: 't',
  غ: 'y',
  ع: 'u',
  ه: 'i',
  خ: 'o',
  ح: 'p',
  ج: '[',
  د: ']',
  ش: 'a',
  س: 's',
  ي: 'd',
  ب: 'f',
  ل: 'g',
  ا: 'h',
  ت: 'j',
  ن: 'k',
  م: 'l',
  ك: ';',
  ط: "'",
  ئ: 'z',
  ء: 'x',
  ؤ: 'c',
  ر: 'v',
  ى: 'n',
  ة: 'm',
  و: ',',
  ز: '.',
  ظ: '/',
  أ: 'H',
  إ: 'Y',
  آ: 'N',
};
const LAM_ALEF_KEYS: Readonly<Record<string, string>> = { ا: 'b', أ: 'G', إ: 'T', آ: 'B' };

/**
 * The keys pressed to type this Arabic text, had the keyboard been left on the English layout: جمال → [lhg.
 * With `lamAlefKey` (the default) ل followed by an alef is typed with the lam-alef key (b, or shifted G T B), as most
 * typists do; without it, as ل then ا (gh). Spaces and characters on no key are kept.
 */
export function arabicToEnglishLayout(text: string, lamAlefKey = true): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (lamAlefKey && ch === 'ل' && LAM_ALEF_KEYS[text[i + 1]] !== undefined) {
      out += LAM_ALEF_KEYS[text[i + 1]];
      i++;
      continue;
    }
    out += ARABIC_LAYOUT_KEYS[ch] ?? ch;
  }
  return out;
}

// Arabic (PC) layout rows, for "neighbouring key" typos. The lam-alef key is left out.
const ARABIC_ROWS: readonly (readonly string[])[] = [
  ['ض', 'ص', 'ث', 'ق', 'ف', 'غ', 'ع', 'ه', 'خ', 'ح', 'ج', 'د'],
  ['ش', 'س', 'ي', 'ب', 'ل', 'ا', 'ت', 'ن', 'م', 'ك', 'ط'],
  ['ئ', 'ء', 'ؤ', 'ر', '', 'ى', 'ة', 'و', 'ز', 'ظ'],
];
const LATIN_ROWS: readonly (readonly string[])[] = [[...'qwertyuiop'], [...'asdfghjkl'], [...'zxcvbnm']];

function neighbourMap(rows: readonly (readonly string[])[]): Map<string, string[]> {
  const offsets = [0, 0.25, 0.75];
  const map = new Map<string, string[]>();
  rows.forEach((row, r) =>
    row.forEach((key, i) => {
      if (!key) return;
      const x = i + offsets[r];
      const near: string[] = [];
      rows.forEach((row2, r2) =>
        row2.forEach((key2, j) => {
          if (!key2 || key2 === key || Math.abs(r2 - r) > 1) return;
          const dx = Math.abs(j + offsets[r2] - x);
          if ((r2 === r && dx <= 1) || (r2 !== r && dx <= 0.8)) near.push(key2);
        }),
      );
      map.set(key, near);
    }),
  );
  return map;
}

const ARABIC_NEIGHBOURS = neighbourMap(ARABIC_ROWS);
const LATIN_NEIGHBOURS = neighbourMap(LATIN_ROWS);

// Letters confused by sound or by dots.
const SIMILAR_PAIRS = [
  'تط',
  'سص',
  'سث',
  'قك',
  'قغ',
  'ذز',
  'زظ',
  'ضظ',
  'دذ',
  'حه',
  'حخ',
  'جح',
  'عغ',
  'بت',
  'تث',
  'نب',
  'رز',
  'صض',
  'طظ',
  'فق',
  'سش',
  'عا',
];
const SIMILAR = new Map<string, string[]>();
for (const [a, b] of SIMILAR_PAIRS.map((p) => [...p])) {
  SIMILAR.set(a, [...(SIMILAR.get(a) ?? []), b]);
  SIMILAR.set(b, [...(SIMILAR.get(b) ?? []), a]);
}

// ───────────────────────────── Drafts and context ─────────────────────────────

type Role = 'first' | 'father' | 'grandfather' | 'family' | 'org';

interface Word {
  text: string;
  /** The Arabic word(s) of the name this word stands for. */
  orig: string;
  role: Role;
  /** Cut short as if still typing; foldText of what is left. */
  prefix?: string;
}

interface Draft {
  index: number;
  contact: SyntheticContact;
  words: Word[];
  script: 'arabic' | 'latin';
  /** Still has every word of the name (maybe reordered or altered). */
  complete: boolean;
  /** Words no longer in the name's order. */
  reordered: boolean;
}

interface Context {
  contacts: readonly SyntheticContact[];
  tokens: string[][];
  eqKeys: string[];
  byEq: Map<string, number[]>;
  /** Sorted token multiset → the equivalence keys of the names with exactly those words. */
  bySortedTokens: Map<string, Set<string>>;
  postings: Map<string, number[]>;
  vocabulary: Set<string>;
  /** How many team/organisation names contain each folded token. */
  orgDf: Map<string, number>;
}

function isPerson(c: SyntheticContact): boolean {
  return c.kind === 'activist' || c.kind === 'government_focal_point';
}

function buildContext(contacts: readonly SyntheticContact[]): Context {
  const ctx: Context = {
    contacts,
    tokens: new Array<string[]>(contacts.length),
    eqKeys: new Array<string>(contacts.length),
    byEq: new Map(),
    bySortedTokens: new Map(),
    postings: new Map(),
    vocabulary: new Set(),
    orgDf: new Map(),
  };
  contacts.forEach((c, i) => {
    const tokens = foldTokens(c.name);
    ctx.tokens[i] = tokens;
    const eq = tokens.join('');
    ctx.eqKeys[i] = eq;
    const same = ctx.byEq.get(eq);
    if (same) same.push(i);
    else ctx.byEq.set(eq, [i]);
    const sorted = [...tokens].sort().join(' ');
    const keys = ctx.bySortedTokens.get(sorted);
    if (keys) keys.add(eq);
    else ctx.bySortedTokens.set(sorted, new Set([eq]));
    const seen = new Set<string>();
    for (const t of tokens) {
      ctx.vocabulary.add(t);
      if (seen.has(t)) continue;
      seen.add(t);
      const list = ctx.postings.get(t);
      if (list) list.push(i);
      else ctx.postings.set(t, [i]);
      if (!isPerson(c)) ctx.orgDf.set(t, (ctx.orgDf.get(t) ?? 0) + 1);
    }
  });
  return ctx;
}

/**
 * Whether a reduced query (these full words, plus maybe a word being typed) would also fit a contact with a different
 * name: every full word is one of its words and the prefix starts one of them (or starts one after its ال).
 */
function reducedIsAmbiguous(ctx: Context, expected: number, full: readonly string[], prefix?: string): boolean {
  if (full.length === 0) return true; // a lone prefix identifies nobody
  let base: number[] | undefined;
  for (const t of full) {
    const list = ctx.postings.get(t);
    if (!list) return false; // no contact has this word; cannot be confused by containment
    if (!base || list.length < base.length) base = list;
  }
  const eq = ctx.eqKeys[expected];
  for (const i of base!) {
    if (ctx.eqKeys[i] === eq) continue;
    const tokens = ctx.tokens[i];
    if (!full.every((t) => tokens.includes(t))) continue;
    if (prefix === undefined || tokens.some((t) => t.startsWith(prefix) || t.startsWith(`ال${prefix}`))) return true;
  }
  return false;
}

function completeIsAmbiguous(ctx: Context, expected: number): boolean {
  const sorted = [...ctx.tokens[expected]].sort().join(' ');
  return (ctx.bySortedTokens.get(sorted)?.size ?? 0) > 1;
}

function initialWords(c: SyntheticContact): Word[] {
  if (c.nameParts) {
    const p = c.nameParts;
    const words: Word[] = [
      { text: p.first, orig: p.first, role: 'first' },
      { text: p.father, orig: p.father, role: 'father' },
    ];
    if (p.grandfather) words.push({ text: p.grandfather, orig: p.grandfather, role: 'grandfather' });
    if (p.family) words.push({ text: p.family, orig: p.family, role: 'family' });
    return words;
  }
  // Organisations: the words of the name without the dash, a compound (صلاح الدين, أبو الخصيب) kept as one word.
  const tokens = c.name.split(/\s+/).filter((w) => w !== '' && !/^[—–-]+$/.test(w));
  const words: Word[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const next = tokens[i + 1];
    const glued =
      next !== undefined && (t === 'عبد' || (/^[أا]بو$/.test(t) && next.startsWith('ال')) || next === 'الله' || next === 'الدين');
    const text = glued ? `${t} ${next}` : t;
    if (glued) i++;
    words.push({ text, orig: text, role: 'org' });
  }
  return words;
}

// ───────────────────────────── Character-level helpers ─────────────────────────────

// Arabic letters, including the Persian/Kurdish ones (ی ک ە), but not tatweel (U+0640).
const ARABIC_LETTER = /[\u0621-\u063A\u0641-\u064A\u0671-\u06D5]/;
const MARK = /\p{M}/u;
/** Letters that do not join to the following letter, so no tatweel may follow them. */
const NON_JOINING = new Set([...'اأإآدذرزوؤةىء']);

function letterCount(token: string): number {
  let n = 0;
  for (const ch of token) if (ARABIC_LETTER.test(ch) || /[a-zA-Z]/.test(ch)) n++;
  return n;
}

function mapTokens(d: Draft, fn: (token: string, word: Word) => string): void {
  for (const w of d.words)
    w.text = w.text
      .split(' ')
      .map((t) => fn(t, w))
      .join(' ');
}

// ───────────────────────────── Steps ─────────────────────────────

interface Step {
  /** Order in which steps of a combination are applied. */
  phase: number;
  apply(d: Draft, rng: Rng, ctx: Context): boolean;
}

const firstAndFamily = (probability: number): Step => ({
  phase: 0,
  apply(d, rng, ctx) {
    if (probability < 1 && !rng.chance(probability)) return true; // optional reduction: skipped
    const first = d.words.find((w) => w.role === 'first');
    const family = d.words.find((w) => w.role === 'family');
    if (!first || !family || d.words.length <= 2) return probability < 1;
    const candidate = [first, family];
    // Must still single the contact out (محمد الجبوري does not).
    if (reducedIsAmbiguous(ctx, d.index, foldTokens(`${first.orig} ${family.orig}`))) return probability < 1;
    d.words = candidate;
    d.complete = false;
    return true;
  },
});

const wordOrder: Step = {
  phase: 1,
  apply(d, rng) {
    if (!isPerson(d.contact) || d.words.length < 2) return false;
    const before = d.words.map((w) => w.role).join();
    const familyAt = d.words.findIndex((w) => w.role === 'family');
    if (familyAt > 0 && rng.chance(0.6)) {
      d.words = [d.words[familyAt], ...d.words.filter((_, i) => i !== familyAt)];
    } else {
      for (let i = 0; i < 8 && d.words.map((w) => w.role).join() === before; i++) d.words = rng.shuffle(d.words);
    }
    if (d.words.map((w) => w.role).join() === before) return false;
    d.reordered = true;
    return true;
  },
};

const GENERIC_ORG_WORDS = new Set(
  [
    'فريق',
    'جمعية',
    'منظمة',
    'مؤسسة',
    'مركز',
    'شبكة',
    'رابطة',
    'ملتقى',
    'تجمع',
    'قسم',
    'شعبة',
    'شؤون',
    'مديرية',
    'دائرة',
    'محافظة',
    'قضاء',
    'لجنة',
    'مجلس',
    'ديوان',
    'قائممقامية',
    'بلدية',
    'مكتب',
    'وحدة',
    'التطوعي',
    'في',
    'صندوق',
    'الصندوق',
    'المعهد',
    'المجلس',
    'المركز',
    'الوكالة',
    'الشبكة',
    'الاتحاد',
    'إذاعة',
    'قناة',
    'صحيفة',
    'وكالة',
    'موقع',
    'مجلة',
    'نقابة',
    'فرع',
    'غرفة',
    'اتحاد',
    'مرصد',
    'الدولية',
    'منظمة',
  ].map(foldText),
);

const organisationPartial: Step = {
  phase: 2,
  apply(d, rng, ctx) {
    if (isPerson(d.contact) || d.words.length < 3) return false;
    // The rarest words of the name are its distinctive ones (الأمل, تموز, المرأة, بغداد — not جمعية, قسم, شؤون);
    // words that name a kind of body come last whatever their frequency.
    const ranked = d.words
      .map((w, i) => ({ w, i, tokens: foldTokens(w.orig) }))
      .filter((x) => x.tokens.length === 1 && x.tokens[0].length >= 2)
      .map((x) => ({ ...x, df: ctx.orgDf.get(x.tokens[0]) ?? 0, generic: GENERIC_ORG_WORDS.has(x.tokens[0]) }))
      .sort((a, b) => Number(a.generic) - Number(b.generic) || a.df - b.df || a.i - b.i)
      .slice(0, 4);
    const pairs: [number, number][] = [];
    for (let a = 0; a < ranked.length; a++) for (let b = a + 1; b < ranked.length; b++) pairs.push([a, b]);
    for (const [a, b] of rng.shuffle(pairs)) {
      const chosen = [ranked[a], ranked[b]].sort((x, y) => x.i - y.i);
      if (
        reducedIsAmbiguous(
          ctx,
          d.index,
          chosen.map((x) => x.tokens[0]),
        )
      )
        continue;
      d.words = (rng.chance(0.2) ? chosen.reverse() : chosen).map((x) => ({ ...x.w }));
      d.complete = false;
      d.reordered = true;
      // Often typed with ه for ة (الامل العراقيه).
      if (rng.chance(0.4)) mapTokens(d, (t) => t.replace(/ة$/, 'ه'));
      return true;
    }
    return false;
  },
};

const articleDropped: Step = {
  phase: 3,
  apply(d) {
    const family = d.words.find((w) => w.role === 'family');
    if (!family) return false;
    const t = family.text;
    if (/^(آل|ال) \S/.test(t))
      family.text = t.slice(3); // آل طعمة → طعمة
    else if (t.startsWith('ال') && !t.includes(' ') && letterCount(t) >= 5) family.text = t.slice(2);
    else return false;
    return true;
  },
};

const compoundSplitJoin: Step = {
  phase: 4,
  apply(d, rng) {
    type Op = () => void;
    const ops: Op[] = [];
    d.words.forEach((w, wi) => {
      const t = w.text;
      // Split forms inside one word: عبد الله → عبدالله, نور الدين → نورالدين, أبو طبيخ → أبوطبيخ.
      const join = /(^|\s)(عبد|أبو|ابو) (\S+)|(\S+) (الله|الدين|الهدى)(?=\s|$)/;
      if (join.test(t)) ops.push(() => (w.text = t.replace(join, (m) => m.replace(/ (?=\S+$)/, ''))));
      // Joined forms: عبدالمحسن → عبد المحسن, نورالدين → نور الدين.
      if (/(^|\s)عبد(?=\S{3,})/.test(t)) ops.push(() => (w.text = t.replace(/(^|\s)عبد(?=\S{3,})/, '$1عبد ')));
      else if (/\S{2,}(الله|الدين|الهدى)(?=\s|$)/.test(t))
        ops.push(() => (w.text = t.replace(/(\S{2,})(الله|الدين|الهدى)(?=\s|$)/, '$1 $2')));
      // A compound spread over two words of an organisation's name (صلاح الدين, أبو الخصيب).
      const next = d.words[wi + 1];
      if (next && (/^(عبد|أبو|ابو)$/.test(t) || /^(الله|الدين|الهدى)$/.test(next.text))) {
        ops.push(() => {
          d.words.splice(wi, 2, { text: t + next.text, orig: `${w.orig} ${next.orig}`, role: w.role });
        });
      }
    });
    if (ops.length === 0) return false;
    rng.pick(ops)();
    return true;
  },
};

function maybeLowercase(rng: Rng, text: string): string {
  return rng.chance(0.45) ? text.toLowerCase() : text;
}

const latinScript: Step = {
  phase: 5,
  apply(d, rng) {
    const c = d.contact;
    if (!isPerson(c)) {
      if (!d.complete || c.latinVariants.length === 0) return false;
      const english = rng
        .pick(c.latinVariants)
        .split(/\s+/)
        .filter((w) => !/^[—–-]+$/.test(w))
        .join(' ');
      d.words = [{ text: maybeLowercase(rng, english), orig: c.name, role: 'org' }];
    } else if (d.complete && !d.reordered && d.words.every((w) => w.text === w.orig) && rng.chance(0.5)) {
      d.words = [{ text: maybeLowercase(rng, rng.pick(c.latinVariants)), orig: c.name, role: 'first' }];
    } else {
      const lower = rng.chance(0.45);
      for (const w of d.words) {
        if (w.text !== w.orig) return false; // already altered in Arabic
        const spellings = latinSpellings(w.orig);
        if (!spellings) return false;
        const s = rng.pick(spellings);
        w.text = lower ? s.toLowerCase() : s;
      }
    }
    d.script = 'latin';
    return true;
  },
};

const partialTyping: Step = {
  phase: 6,
  apply(d, rng) {
    if (d.script !== 'arabic' || d.words.length < 2) return false;
    const last = d.words[d.words.length - 1];
    if (last.text.includes(' ')) return false;
    const letters = [...last.text];
    const min = last.text.startsWith('ال') ? 3 : 2;
    const max = Math.min(min + 2, letters.length - 1);
    if (max < min) return false;
    const cut = letters.slice(0, rng.int(min, max)).join('');
    last.text = cut;
    last.prefix = foldText(cut);
    d.complete = false;
    return true;
  },
};

const alefYaTa: Step = {
  phase: 7,
  apply(d, rng) {
    if (d.script !== 'arabic') return false;
    type Site = { w: Word; t: number; i: number; to: string };
    const sites: Site[] = [];
    d.words.forEach((w) => {
      w.text.split(' ').forEach((token, t) => {
        const chars = [...token];
        const lastI = chars.length - 1;
        chars.forEach((ch, i) => {
          if ('أإآ'.includes(ch)) sites.push({ w, t, i, to: 'ا' });
          else if (ch === 'ا' && (i === 0 ? !token.startsWith('ال') : i === 2 && token.startsWith('ال') && chars.length > 4))
            sites.push({ w, t, i, to: rng.chance(0.75) ? 'أ' : 'إ' });
          else if (ch === 'ة' && i === lastI) sites.push({ w, t, i, to: 'ه' });
          else if (ch === 'ه' && i === lastI && i > 1 && rng.chance(0.3)) sites.push({ w, t, i, to: 'ة' });
          else if (ch === 'ى' && i === lastI) sites.push({ w, t, i, to: 'ي' });
          else if (ch === 'ي' && i === lastI && i > 1) sites.push({ w, t, i, to: 'ى' });
          else if (ch === 'ؤ') sites.push({ w, t, i, to: 'و' });
          else if (ch === 'ئ') sites.push({ w, t, i, to: 'ي' });
        });
      });
    });
    if (sites.length === 0) return false;
    let chosen = sites.filter(() => rng.chance(0.5));
    if (chosen.length === 0) chosen = [rng.pick(sites)];
    for (const s of chosen) {
      const tokens = s.w.text.split(' ');
      const chars = [...tokens[s.t]];
      chars[s.i] = s.to;
      tokens[s.t] = chars.join('');
      s.w.text = tokens.join(' ');
    }
    return true;
  },
};

const persianLetters: Step = {
  phase: 8,
  apply(d, rng) {
    if (d.script !== 'arabic') return false;
    const kurdish = rng.chance(0.5);
    const before = d.words.map((w) => w.text).join(' ');
    mapTokens(d, (t) => {
      let out = t.replace(/[يى]/g, 'ی').replace(/ك/g, 'ک');
      // Sorani keyboards type ە for a final ه or ة (فاطمە).
      if (kurdish) out = out.replace(/[هة]$/, 'ە');
      return out;
    });
    return d.words.map((w) => w.text).join(' ') !== before;
  },
};

function editArabic(rng: Rng, token: string): string {
  const chars = [...token];
  const op = rng.weighted(['sub', 'del', 'ins', 'swap'], [0.4, 0.2, 0.2, 0.2]);
  if (op === 'sub') {
    const i = rng.int(0, chars.length - 1);
    const options = rng.chance(0.5) ? ARABIC_NEIGHBOURS.get(chars[i]) : SIMILAR.get(chars[i]);
    if (!options || options.length === 0) return token;
    chars[i] = rng.pick(options);
  } else if (op === 'del') {
    chars.splice(rng.chance(0.85) ? rng.int(1, chars.length - 1) : 0, 1);
  } else if (op === 'ins') {
    const i = rng.int(1, chars.length);
    const prev = chars[i - 1];
    const near = ARABIC_NEIGHBOURS.get(prev);
    chars.splice(i, 0, near && near.length > 0 && rng.chance(0.6) ? rng.pick(near) : prev);
  } else {
    const i = rng.int(0, chars.length - 2);
    if (chars[i] === chars[i + 1]) return token;
    [chars[i], chars[i + 1]] = [chars[i + 1], chars[i]];
  }
  return chars.join('');
}

function editLatin(rng: Rng, token: string): string {
  const chars = [...token];
  const letters = chars.map((c, i) => (/[a-zA-Z]/.test(c) ? i : -1)).filter((i) => i >= 0);
  const op = rng.weighted(['sub', 'del', 'ins', 'swap'], [0.35, 0.25, 0.2, 0.2]);
  const i = rng.pick(letters);
  const lower = chars[i].toLowerCase();
  const upper = chars[i] !== lower;
  if (op === 'sub') {
    const near = LATIN_NEIGHBOURS.get(lower);
    if (!near) return token;
    const r = rng.pick(near);
    chars[i] = upper ? r.toUpperCase() : r;
  } else if (op === 'del') {
    chars.splice(i, 1);
  } else if (op === 'ins') {
    chars.splice(i + 1, 0, rng.chance(0.5) ? lower : rng.pick(LATIN_NEIGHBOURS.get(lower) ?? [lower]));
  } else {
    if (i + 1 >= chars.length || chars[i].toLowerCase() === chars[i + 1].toLowerCase()) return token;
    [chars[i], chars[i + 1]] = [chars[i + 1], chars[i]];
  }
  return chars.join('');
}

/** One edit of a token that makes it a different word: not the same after folding, and (Arabic) no other name's word. */
function typoToken(rng: Rng, ctx: Context, token: string, latin: boolean, edits: number): string | undefined {
  for (let attempt = 0; attempt < 12; attempt++) {
    let out = token;
    for (let e = 0; e < edits; e++) out = latin ? editLatin(rng, out) : editArabic(rng, out);
    if (latin) {
      if (out.toLowerCase() !== token.toLowerCase()) return out;
      continue;
    }
    const folded = foldText(out);
    if (folded !== foldText(token) && !ctx.vocabulary.has(folded) && !ctx.vocabulary.has(`ال${folded}`)) return out;
  }
  return undefined;
}

const typo = (count: 1 | 2, phase: number): Step => ({
  phase,
  apply(d, rng, ctx) {
    const latin = d.script === 'latin';
    const sites: { w: Word; t: number; len: number }[] = [];
    for (const w of d.words) {
      if (w.prefix !== undefined) continue; // not in the word still being typed
      w.text.split(' ').forEach((token, t) => {
        const len = letterCount(token);
        if (len >= 4 && [...token].length === len) sites.push({ w, t, len });
      });
    }
    if (sites.length === 0) return false;
    let plan: { site: (typeof sites)[number]; edits: number }[];
    if (count === 1) plan = [{ site: rng.pick(sites), edits: 1 }];
    else if (sites.length >= 2 && rng.chance(0.8)) plan = rng.sample(sites, 2).map((site) => ({ site, edits: 1 }));
    else {
      const long = sites.filter((s) => s.len >= 7);
      if (long.length === 0) {
        if (sites.length < 2) return false;
        plan = rng.sample(sites, 2).map((site) => ({ site, edits: 1 }));
      } else plan = [{ site: rng.pick(long), edits: 2 }];
    }
    for (const { site, edits } of plan) {
      const tokens = site.w.text.split(' ');
      const edited = typoToken(rng, ctx, tokens[site.t], latin, edits);
      if (edited === undefined) return false;
      tokens[site.t] = edited;
      site.w.text = tokens.join(' ');
    }
    return true;
  },
});

const HARAKAT = ['\u064E', '\u064F', '\u0650', '\u0652', '\u0651\u064E', '\u0651'];
const HARAKAT_WEIGHTS = [0.3, 0.2, 0.2, 0.15, 0.1, 0.05];
const TANWIN = ['\u064B', '\u064C', '\u064D'];

const diacriticsTatweel: Step = {
  phase: 9,
  apply(d, rng) {
    if (d.script !== 'arabic') return false;
    const mode = rng.weighted(['harakat', 'tatweel', 'both'], [0.4, 0.3, 0.3]);
    const harakat = mode !== 'tatweel';
    const tatweel = mode !== 'harakat';
    let marks = 0;
    let stretches = 0;
    for (const w of d.words) {
      const tokens = w.text.split(' ');
      tokens.forEach((token, t) => {
        const chars = [...token];
        let out = '';
        chars.forEach((ch, i) => {
          out += ch;
          if (!ARABIC_LETTER.test(ch)) return;
          const final = i === chars.length - 1;
          const article = i < 2 && token.startsWith('ال') && chars.length > 3;
          if (harakat && !article && !'اىآ'.includes(ch) && rng.chance(0.35)) {
            out += final && rng.chance(0.25) ? rng.pick(TANWIN) : rng.weighted(HARAKAT, HARAKAT_WEIGHTS);
            marks++;
          }
          if (tatweel && !final && !NON_JOINING.has(ch) && ARABIC_LETTER.test(chars[i + 1] ?? '')) {
            if (rng.chance(0.25)) {
              out += '\u0640'.repeat(rng.int(1, 3));
              stretches++;
            }
          }
        });
        tokens[t] = out;
      });
      w.text = tokens.join(' ');
    }
    if (tatweel && stretches === 0) {
      // No letter was stretched by chance: stretch one joining letter (جمـــال), after any mark it carries.
      const sites: { w: Word; t: number; at: number }[] = [];
      for (const w of d.words) {
        w.text.split(' ').forEach((token, t) => {
          const chars = [...token];
          chars.forEach((ch, k) => {
            if (!ARABIC_LETTER.test(ch) || NON_JOINING.has(ch)) return;
            let at = k + 1;
            while (at < chars.length && MARK.test(chars[at])) at++;
            if (at < chars.length && ARABIC_LETTER.test(chars[at])) sites.push({ w, t, at });
          });
        });
      }
      if (sites.length === 0) return harakat && marks > 0;
      const s = rng.pick(sites);
      const tokens = s.w.text.split(' ');
      const chars = [...tokens[s.t]];
      chars.splice(s.at, 0, '\u0640'.repeat(rng.int(1, 3)));
      tokens[s.t] = chars.join('');
      s.w.text = tokens.join(' ');
      stretches++;
    }
    return marks + stretches > 0;
  },
};

const wrongLayout: Step = {
  phase: 10,
  apply(d, rng) {
    if (d.script !== 'arabic') return false;
    const lamAlef = rng.chance(0.85);
    for (const w of d.words) w.text = arabicToEnglishLayout(w.text, lamAlef);
    return true;
  },
};

type PipelineGroup = Exclude<NoiseGroup, 'exact' | 'combined'>;

const PIPELINES: Record<PipelineGroup, readonly Step[]> = {
  alef_ya_ta_variants: [alefYaTa],
  diacritics_tatweel: [diacriticsTatweel],
  persian_letters: [persianLetters],
  article_dropped: [articleDropped],
  compound_split_join: [compoundSplitJoin],
  typo_1: [typo(1, 8.5)],
  typo_2: [typo(2, 8.6)],
  word_order: [wordOrder],
  first_and_family: [firstAndFamily(1)],
  partial_typing: [firstAndFamily(0.5), partialTyping],
  latin_script: [firstAndFamily(0.35), latinScript],
  wrong_layout: [firstAndFamily(0.3), wrongLayout],
  organisation_partial: [organisationPartial],
};

/** The pairs used by the 'combined' group: noise that users really produce together. */
export const COMBINATIONS: readonly (readonly [PipelineGroup, PipelineGroup])[] = [
  ['first_and_family', 'alef_ya_ta_variants'],
  ['first_and_family', 'typo_1'],
  ['first_and_family', 'persian_letters'],
  ['first_and_family', 'wrong_layout'],
  ['word_order', 'alef_ya_ta_variants'],
  ['word_order', 'typo_1'],
  ['word_order', 'latin_script'],
  ['article_dropped', 'alef_ya_ta_variants'],
  ['article_dropped', 'first_and_family'],
  ['compound_split_join', 'alef_ya_ta_variants'],
  ['compound_split_join', 'typo_1'],
  ['diacritics_tatweel', 'alef_ya_ta_variants'],
  ['diacritics_tatweel', 'typo_1'],
  ['persian_letters', 'typo_1'],
  ['partial_typing', 'alef_ya_ta_variants'],
  ['partial_typing', 'typo_1'],
  ['partial_typing', 'wrong_layout'],
  ['latin_script', 'typo_1'],
  ['wrong_layout', 'alef_ya_ta_variants'],
  ['organisation_partial', 'typo_1'],
  ['organisation_partial', 'alef_ya_ta_variants'],
];

// Which contacts a group can apply to at all (cheap pre-filter; the steps still decide).
function eligible(group: NoiseGroup, c: SyntheticContact): boolean {
  switch (group) {
    case 'article_dropped':
      return !!c.nameParts?.family && /^(ال|آل )/.test(c.nameParts.family);
    case 'compound_split_join':
      return /(^|\s)(عبد|أبو|ابو)|(الله|الدين|الهدى)(\s|$)/.test(c.name);
    case 'word_order':
    case 'first_and_family':
      return isPerson(c);
    case 'organisation_partial':
      return !isPerson(c);
    case 'latin_script':
      return c.latinVariants.length > 0;
    default:
      return true;
  }
}

function runPipeline(ctx: Context, index: number, steps: readonly Step[], rng: Rng): string | undefined {
  const contact = ctx.contacts[index];
  const d: Draft = { index, contact, words: initialWords(contact), script: 'arabic', complete: true, reordered: false };
  const ordered = [...steps].sort((a, b) => a.phase - b.phase);
  for (const step of ordered) if (!step.apply(d, rng, ctx)) return undefined;

  if (d.complete) {
    if (completeIsAmbiguous(ctx, index)) return undefined;
  } else {
    const partial = d.words.find((w) => w.prefix !== undefined);
    const full = foldTokens(
      d.words
        .filter((w) => w !== partial)
        .map((w) => w.orig)
        .join(' '),
    );
    if (reducedIsAmbiguous(ctx, index, full, partial?.prefix)) return undefined;
  }
  const query = d.words
    .map((w) => w.text)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (query === '' || query === contact.name) return undefined;
  return query;
}

/**
 * Labelled noisy queries over `contacts`: up to `perGroup` per group, each for a different contact, deterministic
 * for the same contacts and seed.
 */
export function makeQueries(contacts: readonly SyntheticContact[], opts: MakeQueriesOptions): LabelledQuery[] {
  const ctx = buildContext(contacts);
  const out: LabelledQuery[] = [];
  for (const group of opts.groups ?? NOISE_GROUPS) {
    const rng = createRng(deriveSeed(opts.seed, group));
    const pool: number[] = [];
    contacts.forEach((c, i) => {
      if (eligible(group, c)) pool.push(i);
    });
    const used = new Set<number>();
    const queries = new Set<string>();
    let made = 0;
    const maxAttempts = opts.perGroup * 80 + 200;
    for (let attempt = 0; made < opts.perGroup && attempt < maxAttempts && used.size < pool.length; attempt++) {
      const index = pool[rng.int(0, pool.length - 1)];
      if (used.has(index)) continue;
      let query: string | undefined;
      let components: [NoiseGroup, NoiseGroup] | undefined;
      if (group === 'exact') {
        query = completeIsAmbiguous(ctx, index) ? undefined : contacts[index].name;
      } else if (group === 'combined') {
        for (let k = 0; k < 3 && query === undefined; k++) {
          const pair = rng.pick(COMBINATIONS);
          query = runPipeline(ctx, index, [...PIPELINES[pair[0]], ...PIPELINES[pair[1]]], rng);
          components = [pair[0], pair[1]];
        }
      } else {
        query = runPipeline(ctx, index, PIPELINES[group], rng);
      }
      if (query === undefined || queries.has(query)) continue;
      used.add(index);
      queries.add(query);
      const label: LabelledQuery = {
        group,
        query,
        expectedIndex: index,
        equivalentIndexes: [...(ctx.byEq.get(ctx.eqKeys[index]) ?? [index])],
      };
      if (group === 'combined' && components) label.components = components;
      out.push(label);
      made++;
    }
  }
  return out;
}
