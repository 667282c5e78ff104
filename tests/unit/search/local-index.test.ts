import { describe, expect, it } from 'vitest';
import { LocalIndex } from '../../../server/src/domain/search/local-index.js';

const items = [
  { name: 'جمعية الأمل العراقية', nameLatin: 'Iraqi Al-Amal Association' },
  { name: 'قسم شؤون المرأة — محافظة بغداد', nameLatin: "Women's Affairs Department — Baghdad" },
  { name: 'قسم شؤون المرأة — محافظة النجف', nameLatin: null },
  { name: 'جمال الجواهري', nameLatin: 'Jamal al-Jawahiri' },
];
const names = (query: string) => new LocalIndex(items).search(query).map((m) => m.item.name);

describe('LocalIndex (instant filtering of small cached lists)', () => {
  it('finds spelling variants, Latin and wrong-layout typing, best first', () => {
    expect(names('الامل العراقيه')[0]).toBe('جمعية الأمل العراقية');
    expect(names('شؤون المرأه بغداد')[0]).toBe('قسم شؤون المرأة — محافظة بغداد');
    expect(names('jawahery')).toEqual(['جمال الجواهري']);
    expect(names('[lhg')).toContain('جمال الجواهري');
  });

  it('requires every query word to match', () => {
    expect(names('شؤون النجف')).toEqual(['قسم شؤون المرأة — محافظة النجف']);
    expect(names('شؤون كربلاء')).toEqual([]);
  });

  it('returns highlight ranges and respects the limit', () => {
    const [first] = new LocalIndex(items).search('شؤون', 1);
    expect(first.highlight.name.length).toBe(1);
    expect(new LocalIndex(items).search('شؤون', 1)).toHaveLength(1);
  });
});

describe('LocalIndex with Sorani names', () => {
  const people = [
    { name: 'محەمەد عەلی', nameLatin: null },
    { name: 'گۆران ڕەشید', nameLatin: null },
    { name: 'أحمد حسين', nameLatin: 'Ahmed Hussein' },
    { name: 'جوران كريم', nameLatin: null },
  ];
  const found = (query: string) => new LocalIndex(people).search(query).map((m) => m.item.name);

  it('finds a name written in Sorani by Arabic typing', () => {
    expect(found('محمد علي')[0]).toBe('محەمەد عەلی');
    expect(found('كوران رشيد')[0]).toBe('گۆران ڕەشید');
  });

  it('finds a name written in Arabic by Sorani typing, a second spelling included', () => {
    expect(found('ئەحمەد حوسێن')[0]).toBe('أحمد حسين');
    expect(found('گۆران کەریم')[0]).toBe('جوران كريم');
  });
});
