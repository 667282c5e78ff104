import { describe, expect, it } from 'vitest';
import {
  duplicateReasons,
  duplicateScore,
  nameKey,
  nameReasons,
  nameSimilarity,
} from '../../../server/src/domain/duplicates/duplicate-score.js';

const person = (name: string, governorates: string[] = ['IQ-BG'], phones: string[] = [], emails: string[] = []) => ({
  name,
  governorates,
  phones,
  emails,
});

describe('duplicate scoring', () => {
  it('gives spelling variants of one name the same key', () => {
    expect(nameKey('إيناس عبدالمحسن')).toBe(nameKey('ايناس عبد المحسن'));
    expect(nameKey('فاطمة')).toBe(nameKey('فاطمه'));
  });

  it('finds the strongest name reason', () => {
    expect(nameReasons(person('إيناس عبدالمحسن'), person('ايناس عبد المحسن', ['IQ-AN']))).toEqual([{ code: 'same_name_key' }]);
    expect(nameReasons(person('طارق سلطان'), person('تارق سلتان'))).toEqual([{ code: 'same_skeleton_same_governorate' }]);
    // In another governorate the skeleton alone is weaker: only a similar name (scored below the listing threshold).
    expect(nameReasons(person('طارق سلطان'), person('تارق سلتان', ['IQ-BA']))).toEqual([{ code: 'similar_name', similarity: 0.78 }]);
    const similar = nameReasons(person('محمد عبدالكريم الساعدي'), person('محمد عبد الكريم الساعدى', ['IQ-BA']));
    expect(similar[0].code).toBe('same_name_key');
    expect(nameReasons(person('علي حسن'), person('عمر حسين'))).toEqual([]);
    expect(nameSimilarity('مصطفى جواد كاظم', 'مصطفي جواد كاظمي')).toBeGreaterThan(0.75);
  });

  it('combines independent reasons without reaching 1, and lowers pairs of different kinds', () => {
    expect(duplicateScore([{ code: 'same_phone' }])).toBe(0.9);
    expect(duplicateScore([{ code: 'same_phone' }, { code: 'same_name_key' }])).toBe(0.97);
    expect(duplicateScore([{ code: 'same_name_key' }], false)).toBe(0.56);
    expect(duplicateScore([{ code: 'similar_name', similarity: 0.8 }])).toBe(0.48);
    expect(duplicateScore([])).toBe(0);
  });

  it('lists shared phones and emails first', () => {
    const reasons = duplicateReasons(
      person('أ ب', ['IQ-BG'], ['+9647701234567'], ['a@x.org']),
      person('ج د', ['IQ-BA'], ['+9647701234567'], ['a@x.org']),
    );
    expect(reasons).toEqual([{ code: 'same_phone' }, { code: 'same_email' }]);
  });
});
