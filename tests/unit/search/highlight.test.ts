import { describe, expect, it } from 'vitest';
import { highlightRanges } from '../../../server/src/domain/search/highlight.js';

const marked = (query: string, name: string) => highlightRanges(query, name).map((r) => name.slice(r.start, r.end));

describe('highlightRanges', () => {
  it('marks the written words that the query matched, with their hamzas and diacritics', () => {
    expect(marked('ايناس', 'إيناس عبدالمحسن')).toEqual(['إيناس']);
    expect(marked('الجواهرى جمال', 'جمال الجواهري')).toEqual(['جمال', 'الجواهري']);
    expect(marked('jamal', 'Jamal al-Jawahiri')).toEqual(['Jamal']);
  });

  it('marks a compound written apart as one match', () => {
    expect(marked('عبدالله', 'مصطفى عبد الله كاظم')).toEqual(['عبد', 'الله']);
  });

  it('does not let a word being typed claim the next word through the compound rule', () => {
    expect(marked('جمال', 'جمال عبد الكريم الجواهري')).toEqual(['جمال']);
    expect(marked('علي', 'علي حسن هادي')).toEqual(['علي']);
  });

  it('never marks punctuation between words', () => {
    expect(marked('شؤون المرأه', 'قسم شؤون المرأة — محافظة بغداد')).toEqual(['شؤون', 'المرأة']);
  });

  it('marks nothing for an empty query or a bare article', () => {
    expect(highlightRanges('', 'جمال')).toEqual([]);
    expect(highlightRanges('ال', 'جمال')).toEqual([]);
  });
});

describe('highlightRanges on Sorani names', () => {
  it('marks a Sorani word matched by its Arabic spelling, and by its second spelling', () => {
    expect(highlightRanges('محمد', 'محەمەد عەلی')).toEqual([{ start: 0, end: 6 }]);
    expect(highlightRanges('تشيا ', 'چیا ڕەشید')).toEqual([{ start: 0, end: 3 }]);
  });
});
