import { describe, expect, it } from 'vitest';
import { kurdishQueryVariants, kurdishSpellings } from '../../../server/src/domain/search/kurdish-spellings.js';
import { queryVariants } from '../../../server/src/domain/search/query-variants.js';

describe('kurdishSpellings: Sorani letters Arabic writes a second way', () => {
  it.each([
    ['گۆران', ['جۆران']],
    ['ژیان', ['جیان']],
    ['ڤیان', ['ویان']],
    ['چیا', ['تشیا']],
  ])('%s → %j', (word, spellings) => {
    expect(kurdishSpellings(word)).toEqual(spellings);
  });

  it('gives every choice when a word has two such letters', () => {
    expect(kurdishSpellings('گەلاوێژ')).toEqual(['جەلاوێژ', 'گەلاوێج', 'جەلاوێج']);
  });

  it('gives nothing for a word without them', () => {
    expect(kurdishSpellings('محمد')).toEqual([]);
    expect(kurdishSpellings('ڕەشید')).toEqual([]);
    expect(kurdishSpellings('Goran')).toEqual([]);
  });
});

describe('kurdishSpellings: Sorani spellings of Arabic compounds', () => {
  it.each([
    ['سەلاحەدین', 'سەلاحالدين'],
    ['نەجمەددین', 'نەجمالدين'],
    ['عەبدوڵڵا', 'عبدالله'],
    ['عەبدولڵا', 'عبدالله'],
    ['عەبدولڕەحمان', 'عبدالڕەحمان'],
  ])('%s → %s', (word, arabic) => {
    expect(kurdishSpellings(word)).toEqual([arabic]);
  });

  it('leaves Arabic spellings of the compounds alone', () => {
    expect(kurdishSpellings('صلاحالدين')).toEqual([]);
    expect(kurdishSpellings('عبدولرحمن')).toEqual([]);
    expect(kurdishSpellings('الدين')).toEqual([]);
  });
});

describe('queryVariants: a query with Sorani letters is also searched as its second spelling', () => {
  it('adds the second spelling of every word at once', () => {
    expect(kurdishQueryVariants('گۆران ڕەشید')).toEqual(['جۆران ڕەشید']);
    expect(queryVariants('گۆران چیا')).toEqual(['گۆران چیا', 'جۆران تشیا']);
  });

  it('adds the query without a last ە while its last word is being typed', () => {
    expect(kurdishQueryVariants('محەمەد عە')).toEqual(['محەمەد ع']);
    expect(kurdishQueryVariants('گۆران کاکە')).toEqual(['جۆران کاکە', 'گۆران کاک']);
    expect(kurdishQueryVariants('فاتمە ')).toEqual([]);
  });

  it('adds nothing to a query without them', () => {
    expect(kurdishQueryVariants('محەمەد عەلی')).toEqual([]);
    expect(queryVariants('جمال الجواهري')).toEqual(['جمال الجواهري']);
  });

  it('keeps the wrong-layout re-typing for Latin queries', () => {
    expect(queryVariants('[lhg')).toEqual(['[lhg', 'جمال']);
  });
});
