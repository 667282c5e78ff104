/**
 * The search key of a name: the one normalisation that the server stores at write time and the browser applies
 * to its cached lists and to every query, so that both sides compare the same text. Pure (no Node or DB imports)
 * because the web app bundles it.
 *
 * It folds only what users type interchangeably for the same name (alef forms, ى/ي, ة/ه, Persian and Kurdish
 * letters, diacritics, invisible characters, digits, punctuation, glued or split compounds). It deliberately keeps
 * ء, the article ال and the near-letter pairs (ت/ط, س/ص, ق/ك, ذ/ز/ظ/ض, ح/ه) apart: those distinguish names, and the
 * fuzzy match and the skeleton deal with them. No stemming: a stemmer cuts names (حسين → حس).
 */

import { memoize } from './memo.js';
import { kurdishSpellings } from './kurdish-spellings.js';

// After NFKD, أ إ آ ؤ ئ are a base letter plus a hamza or madda mark, ligatures and presentation forms (ﻻ, ﻣﺤﻤﺪ) are
// plain letters and Latin accents are separate marks, so deleting every mark also folds those letters, along with
// harakat, shadda, sukun, dagger alef and Quranic marks.
const COMBINING_MARK = /\p{M}/gu;

// Characters pasted from chat apps and word processors that are invisible yet would split or change a word:
// tatweel, high hamza (NFKD leaves it behind from ٵ ٶ ٷ ٸ), zero-width and direction controls, Arabic letter mark,
// byte order mark, soft hyphen.
const INVISIBLE = /[\u0640\u0674\u200B-\u200F\u202A-\u202E\u2066-\u2069\u061C\uFEFF\u00AD]/g;

function eachTo(variants: string, letter: string): [string, string][] {
  return [...variants].map((variant) => [variant, letter]);
}

function digitsFrom(zero: string): [string, string][] {
  const base = zero.charCodeAt(0);
  return Array.from({ length: 10 }, (_, digit) => [String.fromCharCode(base + digit), String(digit)]);
}

// Letters that Persian, Urdu and Kurdish keyboards (and older Arabic texts) type for the Arabic letter of the same
// name, and non-ASCII digits. ٵ is not listed: NFKD has already made it ا + high hamza, and the hamza is deleted.
const LETTER_FOLDS = new Map<string, string>([
  ...eachTo('ٱٲٳ', 'ا'),
  ...eachTo('ىیےېێۍ', 'ي'),
  ...eachTo('ةۃەہھ', 'ه'),
  ...eachTo('کڪگ', 'ك'),
  ['پ', 'ب'],
  ['چ', 'ج'],
  ['ژ', 'ز'],
  ['ڤ', 'ف'],
  ['ڕ', 'ر'],
  ['ڵ', 'ل'],
  ...eachTo('ۆۇۈۋ', 'و'),
  ...digitsFrom('٠'),
  ...digitsFrom('۰'),
]);
const FOLDABLE = new RegExp(`[${[...LETTER_FOLDS.keys()].join('')}]`, 'g');

// Sorani writes the vowels Arabic leaves out, and a word-initial vowel on the carrier ئ where Arabic writes an alef
// (ئەحمەد for أحمد, محەمەد for محمد, ئازاد for آزاد). ە is always a vowel in Sorani: inside a word it is a short
// vowel that Arabic does not write, so it is deleted; last in a word it is the ending Arabic writes ة or ه (فاتمە,
// فاطمة), which the fold above makes ه. Older Kurdish text writes ە as ه followed by a zero-width non-joiner
// (محه‌مه‌د). A word-initial ئ (before NFKD splits it into ي and a hamza) is an alef, and ئا one alef: Arabic never
// starts a word with ئ (NFKD puts a vowel mark before the hamza: ئَ is ي, fatha, hamza). Other Sorani vowels (و for u, ی for i, وو, ێ) are letters Arabic also writes as long vowels,
// so they stay, and a typo or the skeleton bridges them (حوسێن, حسين).
const LEGACY_KURDISH_E = /\u0647\u200C/g;
const KURDISH_INITIAL_CARRIER = /(?<![\p{L}\p{M}])\u064A\p{M}*?\u0654\p{M}*\u0627?/gu;
const KURDISH_INITIAL_E = /(?<!\p{L})\u06D5(?=\p{L})/gu;
const KURDISH_INNER_E = /(?<=\p{L})\u06D5(?=\p{L})/gu;

// Punctuation (، ؛ ؟ « » - _ . ' " and all of ASCII's) and symbols, emoji included, only ever separate words.
const SEPARATOR = /[\p{P}\p{S}]/gu;

// Except an apostrophe or ayn sign inside a Latin word, which transliterates ع or ء (Ja'far, al-Ta'i, Sa'ad): it is
// part of the word, so it is dropped rather than splitting the word in two. (A deliberate departure from the spec's
// punctuation rule, which would turn al-Ta'i into "al ta i".)
const LATIN_AYN = /(?<=[a-z])['\u2019\u02BC\u02BE\u02BF`](?=[a-z])/g;

// Compounds that people write both glued and apart; the key always glues them. A head glues to a following word
// that starts with the article (عبد المحسن → عبدالمحسن), a tail glues to whatever word precedes it
// (عبد الله → عبدالله, صلاح الدين → صلاحالدين).
const COMPOUND_HEADS = new Set(['عبد', 'ابو', 'ابي']);
const COMPOUND_TAILS = new Set(['الله', 'الدين']);

function joinCompounds(words: string[]): string[] {
  const joined: string[] = [];
  for (const word of words) {
    const previous = joined.at(-1);
    const glues = previous !== undefined && (COMPOUND_TAILS.has(word) || (COMPOUND_HEADS.has(previous) && word.startsWith('ال')));
    if (glues) joined[joined.length - 1] = previous + word;
    else joined.push(word);
  }
  return joined;
}

export function searchKey(text: string): string {
  return text.length <= 40 ? keyOfShortText(text) : computeKey(text);
}

// Name words and short names repeat endlessly across candidates and queries.
const keyOfShortText = memoize((text: string) => computeKey(text));

function computeKey(text: string): string {
  const folded = text
    .replace(LEGACY_KURDISH_E, '\u06D5')
    .normalize('NFKD')
    .replace(KURDISH_INITIAL_CARRIER, 'ا')
    .replace(COMBINING_MARK, '')
    .replace(INVISIBLE, '')
    .replace(KURDISH_INITIAL_E, 'ا')
    .replace(KURDISH_INNER_E, '')
    .replace(FOLDABLE, (letter) => LETTER_FOLDS.get(letter) ?? letter)
    .toLowerCase()
    .replace(LATIN_AYN, '')
    .replace(SEPARATOR, ' ');
  const words = folded.split(/\s+/).filter((word) => word !== '');
  return joinCompounds(words).join(' ');
}

/** The words of the search key, for matching word by word. */
export function searchWords(text: string): string[] {
  const key = searchKey(text);
  return key === '' ? [] : key.split(' ');
}

/** Heads of compounds that may also be written glued to a word without the article: ابو كلل / ابوكلل, Abu Bakr. */
const GLUE_HEADS = new Set([...COMPOUND_HEADS, 'ام', 'abd', 'abdul', 'abu', 'abo', 'um', 'umm']);

// A compound glued in the record (عبدالرزاق, نورالدين) splits into its head and the rest, for a query that types it
// apart ("Abdul Razzaq").
const GLUED_COMPOUND = /^(عبد|ابو|ابي)(ال.{2,})$|^(.{2,}?)(الله|الدين)$/u;

/** A glued compound's head and rest (عبدالرزاق → عبد, الرزاق; نورالدين → نور, الدين), or [] for any other word. */
export function splitCompound(word: string): string[] {
  const m = GLUED_COMPOUND.exec(word);
  if (!m) return [];
  return m[1] ? [m[1], m[2]] : [m[3], m[4]];
}

/** The search-key words of the other ways Arabic writes a written word with Sorani letters (گۆران: جوران). */
export function secondSpellingWords(token: string): string[] {
  return kurdishSpellings(token).flatMap((spelling) => searchWords(spelling));
}

/**
 * The word forms stored and indexed for a name: the key's words (compounds glued), each written word on its own
 * (عبد and الحسين of عبد الحسين, for a query "Abdul Hussain"), a glued compound split (عبدالرزاق → عبد, الرزاق),
 * and the second Arabic spellings of words with Sorani letters (گۆران → جوران, نەجمەدین → نجمالدين, نجم, الدين).
 */
export function indexedWordForms(name: string): string[] {
  const written = name.split(/\s+/u);
  const tokens = [...written.flatMap((token) => searchWords(token)), ...written.flatMap(secondSpellingWords)];
  return [...new Set([...searchWords(name), ...tokens, ...tokens.flatMap(splitCompound)])];
}

export function gluesToNext(word: string, next: string | undefined): next is string {
  return next !== undefined && (GLUE_HEADS.has(word) || (next.startsWith('ال') && !word.startsWith('ال')));
}

/**
 * Every form a name's words can be typed in, for scoring: the indexed forms, and a word glued to the next when that
 * one starts with the article or the word is a compound head (نور الهدى → نورالهدى, ابو كلل → ابوكلل). Glued pairs
 * are not indexed (every first name + family name pair would join the vocabulary); a glued query word reaches its
 * rows through gluedWordSplits instead.
 */
export function nameWordForms(name: string): string[] {
  const tokens = name.split(/\s+/u).flatMap((token) => searchWords(token));
  const glued = tokens.flatMap((token, i) => (gluesToNext(token, tokens[i + 1]) ? [token + tokens[i + 1]] : []));
  return [...new Set([...indexedWordForms(name), ...glued])];
}

/** The ways a query word may be two name words typed together: نورالهدي → [نور, الهدي], ابوبكر → [ابو, بكر]. */
export function gluedWordSplits(word: string): [string, string][] {
  const letters = [...word];
  const splits: [string, string][] = [];
  for (let i = 2; i <= letters.length - 2; i++) {
    const head = letters.slice(0, i).join('');
    const rest = letters.slice(i).join('');
    if (gluesToNext(head, rest) && !COMPOUND_TAILS.has(rest)) splits.push([head, rest]);
  }
  return splits;
}
