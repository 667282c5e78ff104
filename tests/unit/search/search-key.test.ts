import { describe, expect, it } from 'vitest';
import { searchKey, searchWords } from '../../../server/src/domain/search/search-key.js';

describe('searchKey, step 1: NFKD, then every combining mark deleted', () => {
  it.each([
    ['fatha', '\u064E'],
    ['damma', '\u064F'],
    ['kasra', '\u0650'],
    ['fathatan', '\u064B'],
    ['dammatan', '\u064C'],
    ['kasratan', '\u064D'],
    ['shadda', '\u0651'],
    ['sukun', '\u0652'],
    ['maddah above', '\u0653'],
    ['hamza above', '\u0654'],
    ['hamza below', '\u0655'],
    ['dagger alef', '\u0670'],
    ['Quranic small high ligature sad with lam with alef maksura', '\u06D6'],
    ['Quranic small high meem initial form', '\u06D8'],
    ['Quranic small high seen', '\u06DC'],
    ['Quranic small high madda', '\u06E4'],
    ['Quranic empty centre low stop', '\u06EA'],
    ['Quranic small low meem', '\u06ED'],
    ['Arabic small high word sallallahou', '\u0610'],
    ['Arabic small kasra', '\u061A'],
  ])('removes the %s', (_name, mark) => {
    expect(searchKey(`مح${mark}مد`)).toBe('محمد');
  });

  // Unicode makes these two Quranic signs letters (Lm), not marks, and names never carry them.
  it('keeps the Quranic small waw and small yeh', () => {
    expect(searchKey('مح\u06E5مد')).toBe('مح\u06E5مد');
    expect(searchKey('مح\u06E6مد')).toBe('مح\u06E6مد');
  });

  it('removes several marks on every letter', () => {
    expect(searchKey('مُحَمَّدٌ')).toBe('محمد');
    expect(searchKey('عَبْدُ الرَّحْمٰنِ')).toBe('عبدالرحمن');
  });

  it.each([
    ['أ', 'ا'],
    ['إ', 'ا'],
    ['آ', 'ا'],
    ['ؤ', 'و'],
  ])('folds %s into %s by decomposition', (letter, folded) => {
    expect(searchKey(letter)).toBe(folded);
  });

  // First in a word, ئ is the Sorani vowel carrier (see the Kurdish tests below).
  it('folds ئ inside a word into ي by decomposition', () => {
    expect(searchKey('رائد')).toBe('رايد');
    expect(searchKey('فائزة')).toBe('فايزه');
  });

  it('folds hamza letters written decomposed the same way as precomposed ones', () => {
    expect(searchKey('\u0627\u0654\u062D\u0645\u062F')).toBe(searchKey('أحمد'));
  });

  it.each([
    ['ﻻ', 'لا'],
    ['ﻷ', 'لا'],
    ['ﻹ', 'لا'],
    ['ﻵ', 'لا'],
    ['ﻼ', 'لا'],
    ['ﻣﺤﻤﺪ', 'محمد'],
    ['ﺃﺣﻤﺪ', 'احمد'],
    ['ﻓﺎﻃﻤﺔ', 'فاطمه'],
    ['ﺍﻟﺠﻮﺍﻫﺮﻱ', 'الجواهري'],
    ['ﻋﻠﻰ', 'علي'],
    ['ﮎ', 'ك'],
    ['ﯼ', 'ي'],
    ['ﷲ', 'الله'],
  ])('decomposes the presentation form %s into %s', (form, letters) => {
    expect(searchKey(form)).toBe(letters);
  });

  it.each([
    ['ى', 'ي'],
    ['ة', 'ه'],
    ['ء', 'ء'],
  ])('leaves %s for the letter map (NFKD does not decompose it: %s)', (letter, folded) => {
    expect(letter.normalize('NFKD')).toBe(letter);
    expect(searchKey(letter)).toBe(folded);
  });

  it.each([
    ['Émile', 'emile'],
    ['Zoë', 'zoe'],
    ['Jalāl', 'jalal'],
    ['ʿAlī', 'ʿali'],
    ['Çelik', 'celik'],
    ['ﬁras', 'firas'],
  ])('strips Latin accents and compatibility forms: %s → %s', (text, key) => {
    expect(searchKey(text)).toBe(key);
  });
});

describe('searchKey, step 2: invisible characters deleted', () => {
  it.each(
    ['0640', '0674', '200B', '200C', '200D', '200E', '200F', '202A', '202B', '202C', '202D', '202E']
      .concat(['2066', '2067', '2068', '2069', '061C', 'FEFF', '00AD'])
      .map((hex) => [hex, String.fromCharCode(parseInt(hex, 16))]),
  )('deletes U+%s inside a word', (_hex, invisible) => {
    expect(searchKey(`مح${invisible}مد`)).toBe('محمد');
  });

  it('deletes tatweel however long', () => {
    expect(searchKey('مـــحـــمـــد')).toBe('محمد');
  });

  it.each([
    ['ٵ', 'ا'],
    ['ٶ', 'و'],
    ['ٷ', 'و'],
    ['ٸ', 'ي'],
  ])('deletes the high hamza that NFKD splits off %s, leaving %s', (letter, folded) => {
    expect(searchKey(letter)).toBe(folded);
  });
});

describe('searchKey, step 3: letter and digit map', () => {
  it.each([
    ['ٱ', 'ا'],
    ['ٲ', 'ا'],
    ['ٳ', 'ا'],
    ['ٵ', 'ا'],
    ['ى', 'ي'],
    ['ی', 'ي'],
    ['ے', 'ي'],
    ['ې', 'ي'],
    ['ێ', 'ي'],
    ['ۍ', 'ي'],
    ['ة', 'ه'],
    ['ۃ', 'ه'],
    ['ہ', 'ه'],
    ['ھ', 'ه'],
    ['ک', 'ك'],
    ['ڪ', 'ك'],
    ['گ', 'ك'],
    ['پ', 'ب'],
    ['چ', 'ج'],
    ['ژ', 'ز'],
    ['ڤ', 'ف'],
    ['ڕ', 'ر'],
    ['ڵ', 'ل'],
    ['ۆ', 'و'],
    ['ۇ', 'و'],
    ['ۈ', 'و'],
    ['ۋ', 'و'],
  ])('maps %s to %s', (letter, folded) => {
    expect(searchKey(`م${letter}م`)).toBe(`م${folded}م`);
  });

  it.each([
    ['ۀ', 'ه'],
    ['ۂ', 'ه'],
    ['ۓ', 'ي'],
  ])('maps %s (a mapped letter with hamza) to %s', (letter, folded) => {
    expect(searchKey(letter)).toBe(folded);
  });

  it.each([...'٠١٢٣٤٥٦٧٨٩'].map((digit, value) => [digit, String(value)]))('maps the Arabic-Indic digit %s to %s', (digit, ascii) => {
    expect(searchKey(digit)).toBe(ascii);
  });

  it.each([...'۰۱۲۳۴۵۶۷۸۹'].map((digit, value) => [digit, String(value)]))('maps the Persian digit %s to %s', (digit, ascii) => {
    expect(searchKey(digit)).toBe(ascii);
  });

  it.each([
    ['فاطمة', 'فاطمه'],
    ['الجواهرى', 'الجواهري'],
    ['أبرار', 'ابرار'],
    ['إيناس', 'ايناس'],
    ['آمنة', 'امنه'],
    ['رؤى', 'روي'],
    ['زینب', 'زينب'],
    ['کریم', 'كريم'],
    ['فاطمە', 'فاطمه'],
    ['گلاوێژ', 'كلاويز'],
    ['شێرکۆ', 'شيركو'],
    ['هەڵگورد', 'هلكورد'],
    ['کاکە ڕەش', 'كاكه رش'],
  ])('folds the spelling variants in %s → %s', (name, key) => {
    expect(searchKey(name)).toBe(key);
  });

  it.each(['ء', 'ت ط', 'س ص', 'ق ك', 'ذ ز ظ ض', 'ح ه', 'الجواهري'])('keeps %s as typed', (text) => {
    expect(searchKey(text)).toBe(text);
  });
});

describe('searchKey: Sorani vowel writing', () => {
  it.each([
    ['محەمەد', 'محمد'],
    ['عەلی', 'علي'],
    ['حەسەن', 'حسن'],
    ['زەینەب', 'زينب'],
    ['جەعفەر', 'جعفر'],
    ['نەوزاد', 'نوزاد'],
    ['کەریم', 'كريم'],
  ])('deletes ە inside a word, a short vowel Arabic does not write: %s → %s', (kurdish, key) => {
    expect(searchKey(kurdish)).toBe(key);
  });

  it.each([
    ['فاتمە', 'فاتمه'],
    ['خەدیجە', 'خديجه'],
    ['کاکە', 'كاكه'],
  ])('keeps ە last in a word as the ending Arabic writes ة or ه: %s → %s', (kurdish, key) => {
    expect(searchKey(kurdish)).toBe(key);
    expect(searchKey(`${kurdish} ئەحمەد`).split(' ')[0]).toBe(key);
  });

  it('reads the older spelling of ە, ه and a zero-width non-joiner, the same way', () => {
    expect(searchKey('محه\u200Cمه\u200Cد')).toBe('محمد');
    expect(searchKey('فاتمه\u200C')).toBe('فاتمه');
  });

  it.each([
    ['ئەحمەد', 'احمد', 'أحمد'],
    ['ئەسعەد', 'اسعد', 'أسعد'],
    ['ئازاد', 'ازاد', 'آزاد'],
    ['ئیمان', 'ايمان', 'إيمان'],
    ['ئَحمد', 'احمد', 'أحمد'],
  ])('reads a word-initial ئ (and ئا) as the alef Arabic writes: %s → %s, as %s', (kurdish, key, arabic) => {
    expect(searchKey(kurdish)).toBe(key);
    expect(searchKey(arabic)).toBe(key);
    expect(searchKey(`محمد ${kurdish}`)).toBe(`محمد ${key}`);
  });

  it('reads a word-initial ە, which Sorani spells ئە, as an alef', () => {
    expect(searchKey('ەحمەد')).toBe('احمد');
  });

  it.each([
    ['ڕ', 'ر', 'ڕەشید', 'رشيد'],
    ['ڵ', 'ل', 'جەلال', 'جلال'],
    ['ۆ', 'و', 'شێرکۆ', 'شيركو'],
    ['ێ', 'ي', 'حوسێن', 'حوسين'],
    ['ی', 'ي', 'یوسف', 'يوسف'],
    ['ک', 'ك', 'کاوە', 'كاوه'],
    ['ھ', 'ه', 'ھاوڕێ', 'هاوري'],
    ['گ', 'ك', 'گۆران', 'كوران'],
    ['چ', 'ج', 'چیا', 'جيا'],
    ['پ', 'ب', 'پەروین', 'بروين'],
    ['ژ', 'ز', 'ژیان', 'زيان'],
    ['ڤ', 'ف', 'ڤیان', 'فيان'],
  ])('folds the Sorani %s into %s: %s → %s', (_letter, _folded, kurdish, key) => {
    expect(searchKey(kurdish)).toBe(key);
  });
});

describe('searchKey, step 4: lower case, punctuation to spaces, spaces collapsed', () => {
  it('lower-cases Latin', () => {
    expect(searchKey('JAMAL Al-JAWAHIRI')).toBe('jamal al jawahiri');
  });

  const ARABIC_PUNCTUATION = '،؛؟«»';
  const ASCII_PUNCTUATION = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';
  it.each([...ARABIC_PUNCTUATION, ...ASCII_PUNCTUATION])('turns %s into a space between words', (mark) => {
    expect(searchKey(`جمال${mark}الجواهري`)).toBe('جمال الجواهري');
  });

  it.each([
    ['\t', 'tab'],
    ['\n', 'new line'],
    ['\u00A0', 'no-break space'],
    ['\u2009', 'thin space'],
    ['\u3000', 'ideographic space'],
    ['   ', 'several spaces'],
  ])('collapses %j (%s) to one space', (space) => {
    expect(searchKey(`جمال${space}الجواهري`)).toBe('جمال الجواهري');
  });

  it('trims', () => {
    expect(searchKey('  « جمال »  ')).toBe('جمال');
  });
});

describe('searchKey, step 5: compounds joined', () => {
  it.each([
    ['عبد المحسن', 'عبدالمحسن'],
    ['عبدالمحسن', 'عبدالمحسن'],
    ['عبد الرحمن', 'عبدالرحمن'],
    ['عبد  -  الكريم', 'عبدالكريم'],
    ['أبو الحسن', 'ابوالحسن'],
    ['ابي الفضل', 'ابيالفضل'],
    ['أبى الفضل', 'ابيالفضل'],
    ['عبد الله', 'عبدالله'],
    ['صلاح الدين', 'صلاحالدين'],
    ['نور الدين', 'نورالدين'],
    ['علاء الدين', 'علاءالدين'],
    ['محمد عبد الله الجبوري', 'محمد عبدالله الجبوري'],
    ['ابو عبد الله', 'ابو عبدالله'],
    ['عبد الـله', 'عبدالله'],
    ['عبد\u200C الله', 'عبدالله'],
  ])('%s → %s', (text, key) => {
    expect(searchKey(text)).toBe(key);
  });

  it.each([
    ['عبد علي', 'a head before a word without the article'],
    ['ابو بكر', 'a head before a word without the article'],
    ['محمد المحسن', 'a word that is not a head'],
    ['الله', 'a tail with no word before it'],
    ['الدين محمد', 'a tail with no word before it'],
    ['عبد', 'a head still being typed'],
  ])('leaves %s apart (%s)', (text) => {
    expect(searchKey(text)).toBe(text);
  });

  it('joins a head to an article still being typed, so the prefix keeps matching', () => {
    expect(searchKey('عبد ال')).toBe('عبدال');
  });

  it('does not join Latin spellings (the skeleton handles those)', () => {
    expect(searchKey('Abd al-Mohsen')).toBe('abd al mohsen');
  });
});

describe('searchKey edge cases', () => {
  it.each([
    ['', ''],
    ['   ', ''],
    ['ًٌٍَُِّْ', ''],
    ['ـــ', ''],
    ['\u200F\u200E', ''],
    ['---', ''],
    ['🌹', ''],
    ['👨‍👩‍👧', ''],
    ['🇮🇶', ''],
    ['محمد 🌹', 'محمد'],
    ['🌹محمد🌹علي', 'محمد علي'],
    ['محمد Ali', 'محمد ali'],
    ['Dr. محمد الجواهري', 'dr محمد الجواهري'],
    ['محمد٢', 'محمد2'],
  ])('%j → %j', (text, key) => {
    expect(searchKey(text)).toBe(key);
  });

  it('gives the same key for the spellings the spec lists', () => {
    const key = searchKey('أبرار فاطمة الجواهري');
    const spellings = ['ابرار فاطمه الجواهرى', 'أَبْرَار فَاطِمَة الجَوَاهِرِيّ', 'ابـرار  فاطمة\u200F الجواهري', 'ﺃﺑﺮﺍﺭ ﻓﺎﻃﻤﺔ ﺍﻟﺠﻮﺍﻫﺮﻱ'];
    for (const spelling of spellings) expect(searchKey(spelling), spelling).toBe(key);
  });

  it('is idempotent', () => {
    for (const text of ['أبو الحسن عبد الله', 'Mohammed al-Jawahiri', 'شێرکۆ ڕەش', 'ﻣﺤﻤﺪ ﻻ', 'محمد 🌹']) {
      expect(searchKey(searchKey(text))).toBe(searchKey(text));
    }
  });
});

describe('searchWords', () => {
  it.each([
    ['', []],
    ['  ، ', []],
    ['محمد', ['محمد']],
    ['  محمد   عبد الله  الجواهري ', ['محمد', 'عبدالله', 'الجواهري']],
    ['Mohammed al-Jawahiri', ['mohammed', 'al', 'jawahiri']],
  ])('%j → %j', (text, words) => {
    expect(searchWords(text)).toEqual(words);
  });
});

describe('nameWordForms', () => {
  it('gives the glued key words, each written word alone, and heads glued to the next word', async () => {
    const { nameWordForms, gluedWordSplits } = await import('../../../server/src/domain/search/search-key.js');
    expect(gluedWordSplits('نورالهدي')).toEqual([['نور', 'الهدي']]);
    expect(gluedWordSplits('ابوبكر')).toEqual([['ابو', 'بكر']]);
    expect(nameWordForms('هديل عبد الحسين الشمري').sort()).toEqual(['هديل', 'عبدالحسين', 'عبد', 'الحسين', 'الشمري'].sort());
    expect(nameWordForms('بسمة أبو كلل')).toEqual(['بسمه', 'ابو', 'كلل', 'ابوكلل']);
    expect(nameWordForms('Abu Bakr al-Ani')).toEqual(['abu', 'bakr', 'al', 'ani', 'abubakr']);
  });

  it('adds the second Arabic spellings of words with Sorani letters', async () => {
    const { nameWordForms } = await import('../../../server/src/domain/search/search-key.js');
    expect(nameWordForms('گۆران ڕەشید')).toEqual(['كوران', 'رشيد', 'جوران']);
    expect(nameWordForms('نەجمەدین')).toEqual(['نجمدين', 'نجمالدين', 'نجم', 'الدين']);
    expect(nameWordForms('محمد علي')).toEqual(['محمد', 'علي']);
  });
});
