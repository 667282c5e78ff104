import { describe, expect, it } from 'vitest';
import { arabicToLatinLayout, latinToArabicLayout, looksLikeWrongLayout } from '../../../server/src/domain/search/keyboard-layout.js';

const UNSHIFTED_KEYS = [
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
];

const SHIFTED_KEYS = [
  ['H', 'أ'],
  ['Y', 'إ'],
  ['N', 'آ'],
  ['B', 'لآ'],
  ['G', 'لأ'],
  ['T', 'لإ'],
];

describe('latinToArabicLayout', () => {
  it.each(UNSHIFTED_KEYS)('types %s as %s', (key, arabic) => {
    expect(latinToArabicLayout(key)).toBe(arabic);
  });

  it.each(SHIFTED_KEYS)('types shift+%s as %s', (key, arabic) => {
    expect(latinToArabicLayout(key)).toBe(arabic);
  });

  it.each(UNSHIFTED_KEYS.filter(([key]) => /[a-z]/.test(key) && !/[hynbgt]/.test(key)))(
    'takes the capital of %s as its key (caps lock): %s',
    (key, arabic) => {
      expect(latinToArabicLayout(key.toUpperCase())).toBe(arabic);
    },
  );

  it.each([
    ['[lhg', 'جمال'],
    ['lpl]', 'محمد'],
    ["th'lm", 'فاطمة'],
    ['hgk,v', 'النور'],
    ['uhzam', 'عائشة'],
    ['Hpl]', 'أحمد'],
    ['Hpl] hg[,hivd', 'أحمد الجواهري'],
    ['ugd 07701234567', 'علي 07701234567'],
  ])('re-types %s as %s', (typed, arabic) => {
    expect(latinToArabicLayout(typed)).toBe(arabic);
  });

  it.each(['', ' ', '0123', '-', '😀'])('keeps %j, which is on no mapped key', (text) => {
    expect(latinToArabicLayout(text)).toBe(text);
  });
});

describe('arabicToLatinLayout', () => {
  it.each(UNSHIFTED_KEYS)('gives back the key %s for %s', (key, arabic) => {
    expect(arabicToLatinLayout(arabic)).toBe(key);
  });

  it.each(SHIFTED_KEYS)('gives back shift+%s for %s', (key, arabic) => {
    expect(arabicToLatinLayout(arabic)).toBe(key);
  });

  it.each([
    ['شاةثي', 'ahmed'],
    ['ؤشسهة', 'casim'],
    ['ةخاشةةثي', 'mohammed'],
    ['ةخاشةةثي شم-تشصشاهقه', 'mohammed al-jawahiri'],
    ['صشمهي 123', 'walid 123'],
  ])('re-types %s as %s', (typed, latin) => {
    expect(arabicToLatinLayout(typed)).toBe(latin);
  });

  it('reads ل + ا as the lam-alef key b, since both type the same characters and b is the common letter', () => {
    expect(arabicToLatinLayout('لا')).toBe('b');
    expect(latinToArabicLayout('gh')).toBe('لا');
    // So a gh typed on the Arabic layout does not come back (Ghassan).
    expect(arabicToLatinLayout(latinToArabicLayout('ghassan'))).toBe('bassan');
  });

  it('round-trips every key except g + h', () => {
    const keys = "qwertyuiop[]asdfjkl;'zxcvbnm,./`";
    expect(arabicToLatinLayout(latinToArabicLayout(keys))).toBe(keys);
  });

  it('keeps what is on no mapped key', () => {
    expect(arabicToLatinLayout('Ali 07701234567 ، 😀')).toBe('Ali 07701234567 ، 😀');
  });
});

describe('looksLikeWrongLayout', () => {
  it.each([
    ['[lhg', 'جمال'],
    ['lpl]', 'محمد'],
    ['hpl]', 'احمد'],
    ["th'lm", 'فاطمة'],
    ['.dkf', 'زينب'],
    ['rhsl', 'قاسم'],
    ['psdk', 'حسين'],
    ['dhsv', 'ياسر'],
    ['shvm', 'سارة'],
    ['hfvhidl', 'ابراهيم'],
    ['uf]hggi', 'عبدالله'],
    ['lk`v', 'منذر'],
    ['lpl] hg[,hivd', 'محمد الجواهري'],
    ['Mhmd', 'a consonant-only word'],
  ])('is true for %s (%s)', (query) => {
    expect(looksLikeWrongLayout(query)).toBe(true);
  });

  it.each([
    'Jamal',
    'Mohammed al-Jawahiri',
    'Qasim',
    'Hussein',
    'Abdulkhaliq',
    'Abdkhaliq',
    'Abdrrahman',
    'Nakhshab',
    'Zainab Jawahery',
    'Ali',
    'Abd',
    'Schwarzkopf',
    '07701234567',
    '',
    'جمال',
    'جمال [lhg',
  ])('is false for %j', (query) => {
    expect(looksLikeWrongLayout(query)).toBe(false);
  });

  // Arabic names whose English-layout typing looks like a Latin word: ع is u and ه is i, both vowels.
  it.each([
    ['ugd', 'علي'],
    ['ulv', 'عمر'],
    ['ulhv', 'عمار'],
    ['ehlv', 'ثامر'],
    ['urdg', 'عقيل'],
  ])('misses %s (%s), which has vowels and no long cluster', (query) => {
    expect(looksLikeWrongLayout(query)).toBe(false);
  });
});
