/**
 * Text typed while the keyboard was on the other layout: Arabic typed on the English layout ([lhg for جمال) and
 * Latin typed on the Arabic layout. The search also looks for the re-typed query when a query looks mistyped this
 * way. The map is the Arabic (PC) layout that Windows and most keyboards sold in Iraq carry.
 */

// The character each key types on the Arabic layout, unshifted.
const ARABIC_BY_KEY = new Map<string, string>([
  ['`', 'ذ'],
  ['q', 'ض'],
  ['w', 'ص'],
  ['e', 'ث'],
  ['r', 'ق'],
  ['t', 'ف'],
  ['y', 'غ'],
  ['u', 'ع'],
  ['i', 'ه'],
  ['o', 'خ'],
  ['p', 'ح'],
  ['[', 'ج'],
  [']', 'د'],
  ['a', 'ش'],
  ['s', 'س'],
  ['d', 'ي'],
  ['f', 'ب'],
  ['g', 'ل'],
  ['h', 'ا'],
  ['j', 'ت'],
  ['k', 'ن'],
  ['l', 'م'],
  [';', 'ك'],
  ["'", 'ط'],
  ['z', 'ئ'],
  ['x', 'ء'],
  ['c', 'ؤ'],
  ['v', 'ر'],
  ['b', 'لا'],
  ['n', 'ى'],
  ['m', 'ة'],
  [',', 'و'],
  ['.', 'ز'],
  ['/', 'ظ'],
]);

// Shifted keys that type a letter: the hamza and madda forms of alef, alone and with lam. Other capitals are taken
// as their unshifted key, since on the English layout they come from caps lock or auto-capitalisation.
const ARABIC_BY_SHIFTED_KEY = new Map<string, string>([
  ['H', 'أ'],
  ['Y', 'إ'],
  ['N', 'آ'],
  ['B', 'لآ'],
  ['G', 'لأ'],
  ['T', 'لإ'],
]);

const KEY_BY_ARABIC = new Map([...ARABIC_BY_KEY, ...ARABIC_BY_SHIFTED_KEY].map(([key, arabic]) => [arabic, key]));

// The lam-alef keys type two characters, so they are matched before a lone ل or ا. This makes ل + ا typed as g then
// h come back as b: the same characters, and b is far more common in names than gh.
const ARABIC_KEYSTROKE = new RegExp([...KEY_BY_ARABIC.keys()].sort((a, b) => b.length - a.length).join('|'), 'g');

/** What the keys pressed would have typed on the Arabic layout. Characters on no mapped key are kept. */
export function latinToArabicLayout(text: string): string {
  return [...text].map((key) => ARABIC_BY_SHIFTED_KEY.get(key) ?? ARABIC_BY_KEY.get(key.toLowerCase()) ?? key).join('');
}

/**
 * The keys that typed this Arabic text, i.e. what it would have been on the English layout. Give it the query as
 * typed, not its search key, which has already folded أ إ آ into ا.
 */
export function arabicToLatinLayout(text: string): string {
  return text.replace(ARABIC_KEYSTROKE, (arabic) => KEY_BY_ARABIC.get(arabic) ?? arabic);
}

const ARABIC_LETTER = /(?=\p{Script=Arabic})\p{L}/u;

// Keys that type Arabic letters (ج د ك ط و ز ظ ذ) and hardly ever appear in a Latin name.
const ARABIC_LETTER_KEY = /[[\];',./`]/;

// Arabic typed on the English layout has few vowels, because ا و ي sit on h , d. A Latin name has no word of three
// letters without a vowel and no run of four consonant sounds; digraphs (kh, sh…) and doubled letters are one sound,
// so Abdkhaliq and Abdrrahman stay pronounceable while hfvhidl (ابراهيم) does not.
function isUnpronounceable(word: string): boolean {
  if (word.length >= 3 && !/[aeiouy]/.test(word)) return true;
  const sounds = word.replace(/([cdgkpstz])h/g, '$1').replace(/(.)\1+/g, '$1');
  return /[^aeiouy]{4}/.test(sounds);
}

/** Whether a query with no Arabic letters looks like Arabic typed on the English layout. */
export function looksLikeWrongLayout(query: string): boolean {
  if (ARABIC_LETTER.test(query)) return false;
  if (ARABIC_LETTER_KEY.test(query)) return true;
  return (query.toLowerCase().match(/[a-z]+/g) ?? []).some(isUnpronounceable);
}
