import { describe, expect, it } from 'vitest';
import { stripBidiControls, VISIBLE_TEXT_PATTERN } from '../../../server/src/domain/text/clean-text.js';
import { searchKey } from '../../../server/src/domain/search/search-key.js';

const hex = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i));

const FORMATTING = [...range(0x202a, 0x202e), ...range(0x2066, 0x2069)];
const MARKS = ['\u061C', '\u200E', '\u200F'];
const ZWNJ = '\u200C';
const ZWJ = '\u200D';

describe('stripBidiControls', () => {
  it.each(FORMATTING.map((c) => [hex(c), c]))('removes %s wherever it stands', (_, c) => {
    expect(stripBidiControls(`${c}فاتن${c} صالح${c}`)).toBe('فاتن صالح');
    expect(stripBidiControls(`${c}فاتن صالح`, { keepMarks: true })).toBe('فاتن صالح');
  });

  it('undoes the classic spoof: a right-to-left override inside a Latin name', () => {
    expect(stripBidiControls('Jamal \u202Eirihawaj-la\u202C')).toBe('Jamal irihawaj-la');
    expect(stripBidiControls('\u2067جمال\u2069 \u202Bالجواهري\u202C')).toBe('جمال الجواهري');
  });

  it.each(MARKS.map((c) => [hex(c), c]))('removes the mark %s unless told to keep marks', (_, c) => {
    expect(stripBidiControls(`قاسم${c} العبيدي`)).toBe('قاسم العبيدي');
    expect(stripBidiControls(`قاسم${c} العبيدي`, { keepMarks: true })).toBe(`قاسم${c} العبيدي`);
  });

  it('keeps ZWNJ and ZWJ, which Persian and Kurdish spelling needs', () => {
    const persian = `می${ZWNJ}خواهم`;
    const kurdish = `ھەولێر${ZWJ}`;
    expect(stripBidiControls(persian)).toBe(persian);
    expect(stripBidiControls(kurdish)).toBe(kurdish);
    expect(stripBidiControls(`\u202Eمی${ZWNJ}خواهم\u202C`)).toBe(persian);
  });

  it('leaves every other character alone: letters, harakat, tatweel, digits, punctuation, spaces, new lines', () => {
    const text = 'مُحَمّد ـ عبدالمحسن (NPA) ٠٧٧٠ 0770\n  سطر ثانٍ، «اقتباس» 🙂\t';
    expect(stripBidiControls(text)).toBe(text);
    expect(stripBidiControls('')).toBe('');
  });

  it('removes exactly what the search key ignores, so search finds a stored name as it found the sent one', () => {
    for (const c of [...FORMATTING, ...MARKS]) {
      const sent = `ابرار${c} العاني`;
      expect(searchKey(stripBidiControls(sent))).toBe(searchKey(sent));
      expect(searchKey(stripBidiControls(sent))).toBe(searchKey('ابرار العاني'));
    }
  });
});

describe('VISIBLE_TEXT_PATTERN', () => {
  const visible = new RegExp(VISIBLE_TEXT_PATTERN, 'u');
  it('refuses text made only of white space and direction controls, accepts anything with a visible character', () => {
    expect(visible.test([...FORMATTING, ...MARKS, ' ', '\n'].join(''))).toBe(false);
    expect(visible.test('   ')).toBe(false);
    expect(visible.test('\u202E ع')).toBe(true);
    expect(visible.test('x')).toBe(true);
  });
});
