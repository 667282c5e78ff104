import { searchWords } from './search-key.js';
import { memoize } from './memo.js';

/**
 * The consonant skeleton: a code that an Arabic name and its Latin spellings share (محمد, Mohammed, Muhammad,
 * Mohamed → mhmd), computed word by word on the search key. Vowels are dropped because Arabic does not write the
 * short ones and Latin spells them every which way; letters that Latin spellings confuse share a code.
 * Many names share a skeleton, so it finds candidates and helps ranking, never ranks alone.
 */

type Row = [code: string, arabic: string, latin: string[]];

// Consonants, coded wherever they stand in the word. ق is k because Iraqi speech makes it a hard g (Gasim).
const CONSONANTS: Row[] = [
  ['b', 'ب', ['b', 'p']],
  ['t', 'تطث', ['t', 'th']],
  ['d', 'دذضظ', ['d', 'dh']],
  ['k', 'قكغ', ['q', 'k', 'c', 'g', 'gh']],
  ['x', 'خ', ['kh', 'x']],
  ['h', 'حه', ['h']],
  ['c', 'ش', ['sh', 'ch']],
  ['j', 'ج', ['j', 'dj']],
  ['z', 'ز', ['z']],
  ['s', 'سص', ['s']],
  ['f', 'ف', ['f', 'ph', 'v']],
  ['l', 'ل', ['l']],
  ['m', 'م', ['m']],
  ['n', 'ن', ['n']],
  ['r', 'ر', ['r']],
];

// Vowel carriers, coded only as the first letter of a word: inside a word Arabic writes or omits them where Latin
// writes any vowel or none (Obaidi / عبيدي, Ruaa / رؤى), but a name starting with a vowel differs from one that
// does not.
const INITIALS: Row[] = [
  ['a', 'اءع', ['a', 'e', 'i', 'o', 'u']],
  ['w', 'و', ['w']],
  ['y', 'ي', ['y']],
];

function codesOf(rows: Row[]): Map<string, string> {
  return new Map(rows.flatMap(([code, arabic, latin]) => [...arabic, ...latin].map((spelling) => [spelling, code])));
}

const CONSONANT_CODE = codesOf(CONSONANTS);
const INITIAL_CODE = codesOf(INITIALS);

// The Latin article once the search key has turned its hyphen into a space (al-Jawahiri → al jawahiri), and the
// Arabic article typed apart from its word.
const BARE_ARTICLES = new Set(['al', 'el', 'ال']);

/** Whether a search-key word is only an article, which has no skeleton and need not match anything. */
export function isBareArticle(word: string): boolean {
  return BARE_ARTICLES.has(word);
}

// The article glued to a word is dropped so that الجواهري, Jawahiri and al-Jawahiri meet. Arabic words need 4 letters
// so that a 3-letter word is not cut to one letter. A glued Latin al…/el… may be a name of its own (Alwan, Elias), so
// words of 5 letters or more keep both readings; shorter ones (Ali, Alaa) are never an article.
function spellingsWithoutArticle(word: string): string[] {
  if ((word.startsWith('ال') || word.startsWith('لل')) && word.length >= 4) return [word.slice(2)];
  if ((word.startsWith('al') || word.startsWith('el')) && word.length >= 5) return [word.slice(2), word];
  return [word];
}

function codeOfLetter(letter: string, isFirst: boolean, isLast: boolean): string | undefined {
  if (isFirst && INITIAL_CODE.has(letter)) return INITIAL_CODE.get(letter);
  // A word-final ه is ة or the silent ه of الله, which Latin spells as a vowel or not at all (Fatima, Abdulla).
  if (letter === 'ه' && isLast) return undefined;
  return CONSONANT_CODE.get(letter);
}

// Latin digraphs are read before single letters (kh is خ, not k + h). Every spelling in the tables is one UTF-16
// unit or two Latin letters, so string indices are safe.
function code(spelling: string): string {
  let codes = '';
  for (let i = 0; i < spelling.length;) {
    const digraph = spelling.slice(i, i + 2);
    const letter = CONSONANT_CODE.has(digraph) ? digraph : spelling[i];
    const next = i + letter.length;
    const letterCode = codeOfLetter(letter, i === 0, next === spelling.length);
    // Doubled letters, and the same sound spelled twice around a dropped vowel, are one code (Mohammed, Kassim).
    if (letterCode !== undefined && !codes.endsWith(letterCode)) codes += letterCode;
    i = next;
  }
  return codes;
}

// abd + the article, abdul, abdel, abdal in Latin and عبدال in Arabic, all code to abdl. Dropping that l makes them
// meet the spellings where the article melted into the next word (Abdurrahman → abdrhmn) and each other
// (Abdulmohsen, Abdelmohsen, عبدالمحسن → abdmhsn).
function withoutAbdArticle(codes: string): string {
  return codes.replace(/^abdl/, 'abd');
}

// Other readings Latin spellings give some letters, as extra skeletons of the same word: ظ, ذ and ض are also spelled z
// (Kazem, Kazimi, Reza) and ذ th (Munther); a final ه is sometimes a real h (طه, Taha); a Latin final h after a vowel is
// sometimes only the ة or the silent ه of الله (Abdullah, Fatimah).
// In Latin, sh, th and dh may also be two letters (Ishaq إسحاق, Fathi فتحي, Adham أدهم), and ch is usually the
// Iraqi چ (Chalabi الجلبي). A middle dot keeps the two letters from being read as one.
// Sorani (and Persian and Turkish, hence Latin Osman, Reza, Fazil) writes the Arabic interdentals and ض the way it
// says them: ث as س (عوسمان, عثمان) and ض as ز (ڕەزا, رضا; فازڵ, فاضل), as it writes ذ and ظ as ز.
function alternativeSpellings(word: string): string[] {
  const alternatives = [word];
  if (/[ظذض]/.test(word)) alternatives.push(word.replace(/[ظذض]/g, 'ز'), word.replace(/ذ/g, 'ث'));
  if (word.includes('ث')) alternatives.push(word.replace(/ث/g, 'س'));
  if (word.length >= 2 && word.endsWith('ه')) alternatives.push(`${word.slice(0, -1)}ح`);
  if (/[aeiou]h$/.test(word) && word.length >= 4) alternatives.push(word.slice(0, -1));
  if (/[std]h/.test(word)) alternatives.push(word.replace(/([std])h/g, '$1·h'));
  if (word.includes('ch')) alternatives.push(word.replace(/ch/g, 'j'));
  return alternatives;
}

/**
 * The skeleton(s) of one word of the search key: usually one; more for a glued Latin al…/el… word (with and without
 * the article) and for letters Latin spells more than one way; none for a bare article or a word with no letter of
 * the table.
 */
export function skeletonVariants(word: string, withAlternatives = true): string[] {
  if (isBareArticle(word)) return [];
  return withAlternatives ? allVariants(word) : computeVariants([word]);
}

const allVariants = memoize((word: string) => computeVariants(alternativeSpellings(word)));

function computeVariants(spellings: string[]): string[] {
  const skeletons = spellings.flatMap(spellingsWithoutArticle).map((spelling) => withoutAbdArticle(code(spelling)));
  return [...new Set(skeletons)].filter((skeleton) => skeleton !== '');
}

/**
 * The skeleton of a text: the skeleton(s) of every word of its search key as spelled (without the alternative
 * readings of letters), space-separated: a fuzzy-matching key for cached lists.
 */
export function skeleton(text: string): string {
  return searchWords(text)
    .flatMap((word) => skeletonVariants(word, false))
    .join(' ');
}
