import { describe, expect, it } from 'vitest';
import { editDistances, nameMatchScore, wordSimilarity } from '../../../server/src/domain/search/name-match.js';

describe('editDistances', () => {
  it.each([
    ['', '', 0, 0],
    ['', 'محمد', 4, 0],
    ['محمد', '', 4, 4],
    ['محمد', 'محمد', 0, 0],
    ['محمد', 'محمود', 1, 1],
    ['محمد', 'احمد', 1, 1],
    ['محم', 'محمود', 2, 0],
    ['مخم', 'محمود', 3, 1],
    ['kitten', 'sitting', 3, 2],
    ['🌹a', '🌹b', 1, 1],
  ])('%j → %j: whole %i, prefix %i', (query, word, whole, prefix) => {
    expect(editDistances(query, word)).toEqual({ whole, prefix });
  });
});

describe('wordSimilarity', () => {
  it('is 1 for the same word', () => {
    expect(wordSimilarity('محمد', 'محمد', false)).toBe(1);
  });

  it.each([
    ['علي', 'عمر', 'three letters'],
    ['نور', 'نوح', 'three letters'],
  ])('allows no typo in %s vs %s (%s)', (query, name) => {
    expect(wordSimilarity(query, name, false)).toBe(0);
  });

  it.each([
    ['مخمد', 'محمد', 0.75],
    ['الجوهري', 'الجواهري', 1 - 1 / 8],
    ['الجواهرب', 'الجواهري', 1 - 1 / 8],
  ])('allows one typo from 4 letters: %s vs %s → %d', (query, name, similarity) => {
    expect(wordSimilarity(query, name, false)).toBeCloseTo(similarity);
  });

  it('allows two typos from 8 letters, not three', () => {
    expect(wordSimilarity('الجواهيري', 'الجوهري', false)).toBeCloseTo(1 - 2 / 9);
    expect(wordSimilarity('abcdefgh', 'abcdefxy', false)).toBeCloseTo(0.75);
    expect(wordSimilarity('abcdefgh', 'abcdexyz', false)).toBe(0);
  });

  it.each([
    ['عبدالجبار', 'عبدالستار'],
    ['عبدالمحسن', 'عبدالحسين'],
    ['نورالدين', 'صلاحالدين'],
  ])('matches a compound as a whole: %s is not %s, though few letters apart', (query, name) => {
    expect(wordSimilarity(query, name, false)).toBe(0);
    expect(wordSimilarity(query, name, true)).toBe(0);
  });

  it.each([
    ['عبدالجبار', 'عبدالجبار', 1],
    ['عبدالجبار', 'عبدالجيار', 1 - 1 / 9],
    ['عبدالجب', 'عبدالجبار', 0.9],
  ])('still forgives a typo in the part that tells a compound apart, or a compound being typed: %s vs %s', (query, name, similarity) => {
    expect(wordSimilarity(query, name, true)).toBeCloseTo(similarity);
  });

  it('allows one typo up to 7 letters, not two', () => {
    expect(wordSimilarity('abcdefg', 'abcdefx', false)).toBeCloseTo(1 - 1 / 7);
    expect(wordSimilarity('abcdefg', 'abcdexy', false)).toBe(0);
  });

  it('allows a typo by the longer word, so a letter dropped from a 4-letter name still spells it (حسن, حسين)', () => {
    expect(wordSimilarity('حسن', 'حسين', false)).toBeCloseTo(0.75);
  });

  it('counts two swapped neighbours as one typo', () => {
    expect(editDistances('دلعم', 'لدعم').whole).toBe(1);
    expect(wordSimilarity('جتاره', 'تجاره', false)).toBeCloseTo(0.8);
  });

  it('matches a prefix only while the word is being typed', () => {
    expect(wordSimilarity('الجوا', 'الجواهري', true)).toBeCloseTo(0.9);
    expect(wordSimilarity('الجوا', 'الجواهري', false)).toBe(0);
    expect(wordSimilarity('م', 'محمد', true)).toBeCloseTo(0.9);
  });

  it('tolerates a typo in a prefix being typed', () => {
    expect(wordSimilarity('الخوا', 'الجواهري', true)).toBeCloseTo(0.9 * (1 - 1 / 5));
  });

  it.each([
    ['mohammed', 'محمد'],
    ['jawahiri', 'الجواهري'],
    ['qasim', 'كاسم'],
    ['aljawahiri', 'الجواهري'],
  ])('matches %s and %s by skeleton alone, below a spelled match', (query, name) => {
    expect(wordSimilarity(query, name, false)).toBeCloseTo(0.6);
  });

  it('spells جواهري as الجواهري with the article as two allowed typos, above a skeleton match', () => {
    expect(wordSimilarity('جواهري', 'الجواهري', false)).toBeCloseTo(0.75);
  });

  it('matches a skeleton prefix while the word is being typed', () => {
    expect(wordSimilarity('jawa', 'الجواهري', true)).toBeCloseTo(0.54);
    expect(wordSimilarity('jawa', 'الجواهري', false)).toBe(0);
  });

  it('does not match unrelated words', () => {
    expect(wordSimilarity('zainab', 'محمد', true)).toBe(0);
    expect(wordSimilarity('زينب', 'فاطمه', false)).toBe(0);
  });
});

describe('nameMatchScore', () => {
  const name = 'محمد جمال عبد المحسن الجواهري';

  it.each([
    ['محمد الجواهري', 2, 'first name + family name'],
    ['الجواهري محمد', 2, 'family name first'],
    ['جمال محمد', 2, 'any order'],
    ['عبدالمحسن', 1, 'compound glued'],
    ['عبد المحسن', 1, 'compound apart, one word of the key'],
    ['مُحَمَّد الجَوَاهِرِيّ', 2, 'diacritics'],
    ['محمد الجواهرى', 2, 'ى for ي'],
    ['ﻣﺤﻤﺪ', 1, 'presentation forms'],
  ])('scores %s %i, one per word of its key (%s)', (query, score) => {
    expect(nameMatchScore(query, name)).toBeCloseTo(score);
  });

  it.each([
    ['محمد الجوا', 'the last word still being typed'],
    ['مخمد الجواهري', 'a typo'],
    ['محمد جواهري', 'the article dropped'],
    ['Mohammed al-Jawahiri', 'Latin script'],
    ['Muhamad Jawahery', 'another Latin spelling'],
    ['mohammed jaw', 'Latin, still typing'],
    ['Abdulmohsen', 'a Latin compound'],
  ])('finds the name for %s (%s)', (query) => {
    expect(nameMatchScore(query, name)).toBeGreaterThan(0);
  });

  it('requires every query word to match a word of the name', () => {
    expect(nameMatchScore('محمد علي', name)).toBe(0);
    expect(nameMatchScore('Zainab al-Jawahiri', name)).toBe(0);
  });

  it('treats the last word as finished once a space follows it', () => {
    expect(nameMatchScore('محمد الجوا', name)).toBeGreaterThan(0);
    expect(nameMatchScore('محمد الجوا ', name)).toBe(0);
  });

  it('ranks the spelled-out name above a typo, a typo above the skeleton alone', () => {
    const exact = nameMatchScore('محمد', name);
    const typo = nameMatchScore('مخمد', name);
    const latin = nameMatchScore('Mohammed', name);
    expect(exact).toBeGreaterThan(typo);
    expect(typo).toBeGreaterThan(latin);
  });

  it('ranks the person whose name has the query words above one with similar words', () => {
    const sameWords = nameMatchScore('حسين علي', 'حسين علي الربيعي');
    expect(sameWords).toBeGreaterThan(nameMatchScore('حسين علي', 'حسن علي الربيعي'));
  });

  it('gives 0 for an empty query or one that is only an article', () => {
    expect(nameMatchScore('', name)).toBe(0);
    expect(nameMatchScore('   ', name)).toBe(0);
    expect(nameMatchScore('al-', name)).toBe(0);
  });

  it('gives 0 for an empty name', () => {
    expect(nameMatchScore('محمد', '')).toBe(0);
  });
});

describe('wordSimilarity with the article glued on one side only', () => {
  it.each([
    ['الوسي', 'الالوسي'],
    ['جبوري', 'الجبوري'],
    ['aljubouri', 'jubouri'],
  ])('matches %s and %s just below the word as written', (query, name) => {
    expect(wordSimilarity(query, name, false)).toBeGreaterThan(0.6);
    expect(wordSimilarity(query, name, false)).toBeLessThan(1);
  });
});

describe('nameMatchScore: Sorani spellings against Arabic ones, both ways', () => {
  it.each([
    ['محەمەد', 'محمد', 1],
    ['عەلی', 'علي', 1],
    ['ئەحمەد', 'أحمد', 1],
    ['حەسەن', 'حسن', 1],
    ['زەینەب', 'زينب', 1],
    ['ئازاد', 'آزاد', 1],
    ['کەریم', 'كريم', 1],
    ['پەروین', 'بروين', 1],
    ['شێرکۆ', 'شيركو', 1],
  ])('%s and %s are the same word once ە and ئ are read: %d', (kurdish, arabic, score) => {
    expect(nameMatchScore(`${kurdish} `, arabic)).toBe(score);
    expect(nameMatchScore(`${arabic} `, kurdish)).toBe(score);
  });

  it.each([
    ['حوسێن', 'حسين'],
    ['فاتمە', 'فاطمة'],
    ['ئیبراهیم', 'إبراهيم'],
    ['سەعدوون', 'سعدون'],
    ['ئامینە', 'آمنة'],
    ['سلێمانی', 'السليمانية'],
    ['عەبدولڕەحمان', 'عبد الرحمن'],
  ])('%s and %s are a typo (or the article) apart', (kurdish, arabic) => {
    for (const [query, name] of [
      [kurdish, arabic],
      [arabic, kurdish],
    ]) {
      const score = nameMatchScore(`${query} `, name);
      expect(score).toBeGreaterThan(0.6);
      expect(score).toBeLessThan(1);
    }
  });

  it.each([
    ['مستەفا', 'مصطفى'],
    ['عوسمان', 'عثمان'],
    ['ڕەزا', 'رضا'],
    ['ثابت', 'سابیت'],
  ])('%s and %s meet on the skeleton only', (kurdish, arabic) => {
    expect(nameMatchScore(`${kurdish} `, arabic)).toBeCloseTo(0.6);
    expect(nameMatchScore(`${arabic} `, kurdish)).toBeCloseTo(0.6);
  });

  it.each([
    ['جوران', 'گۆران'],
    ['تشيا', 'چیا'],
    ['جيان', 'ژیان'],
    ['ويان', 'ڤیان'],
    ['صلاح الدين', 'سەلاحەدین'],
    ['عبدالله', 'عەبدوڵڵا'],
  ])('an Arabic %s finds the Sorani %s by its second spelling (a typo at most)', (arabic, kurdish) => {
    expect(nameMatchScore(`${arabic} `, kurdish)).toBeGreaterThan(0.85);
  });

  it('keeps different words apart: هەولێر is not أربيل', () => {
    expect(nameMatchScore('هەولێر ', 'أربيل')).toBe(0);
  });
});
