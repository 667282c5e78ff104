import { describe, expect, it } from 'vitest';
import {
  ALIAS_CONFLICTS,
  GOVERNORATE_ALIASES,
  closestGovernorate,
  resolveGovernorate,
} from '../../server/src/domain/governorate-aliases.js';
import { GOVERNORATES } from '../../server/src/domain/governorates.js';
import { readRow } from '../../server/src/domain/imports/row-draft.js';

/** The names people write on their sheets (issue 14, item 20), each with the governorate it must resolve to. */
const WRITTEN: [string, string][] = [
  ['النجف الاشرف', 'IQ-NA'],
  ['النجف الأشرف', 'IQ-NA'],
  ['نجف', 'IQ-NA'],
  ['محافظة النجف الأشرف', 'IQ-NA'],
  ['Najaf al-Ashraf', 'IQ-NA'],
  ['An-Najaf', 'IQ-NA'],
  ['محافظة بغداد', 'IQ-BG'],
  ['محافظه بغداد', 'IQ-BG'],
  ['Baghdad Governorate', 'IQ-BG'],
  ['البصرة', 'IQ-BA'],
  ['البصره', 'IQ-BA'],
  ['بصرة', 'IQ-BA'],
  ['Basra', 'IQ-BA'],
  ['Basrah', 'IQ-BA'],
  ['Al-Basrah', 'IQ-BA'],
  ['نينوى', 'IQ-NI'],
  ['نينوي', 'IQ-NI'],
  ['الموصل', 'IQ-NI'],
  ['Mosul', 'IQ-NI'],
  ['Nineveh', 'IQ-NI'],
  ['ذي قار', 'IQ-DQ'],
  ['ذى قار', 'IQ-DQ'],
  ['ذيقار', 'IQ-DQ'],
  ['الناصرية', 'IQ-DQ'],
  ['Dhi Qar', 'IQ-DQ'],
  ['Thi Qar', 'IQ-DQ'],
  ['Nasiriyah', 'IQ-DQ'],
  ['صلاح الدين', 'IQ-SD'],
  ['صلاحالدين', 'IQ-SD'],
  ['تكريت', 'IQ-SD'],
  ['Salah al-Din', 'IQ-SD'],
  ['Salahuddin', 'IQ-SD'],
  ['Tikrit', 'IQ-SD'],
  ['الأنبار', 'IQ-AN'],
  ['الانبار', 'IQ-AN'],
  ['انبار', 'IQ-AN'],
  ['الرمادي', 'IQ-AN'],
  ['Al Anbar', 'IQ-AN'],
  ['Anbar', 'IQ-AN'],
  ['Ramadi', 'IQ-AN'],
  ['ديالى', 'IQ-DI'],
  ['ديالي', 'IQ-DI'],
  ['بعقوبة', 'IQ-DI'],
  ['Diyala', 'IQ-DI'],
  ['Baqubah', 'IQ-DI'],
  ['أربيل', 'IQ-AR'],
  ['اربيل', 'IQ-AR'],
  ['Erbil', 'IQ-AR'],
  ['Arbil', 'IQ-AR'],
  ['Hawler', 'IQ-AR'],
  ['Hewlêr', 'IQ-AR'],
  ['هەولێر', 'IQ-AR'],
  ['هولير', 'IQ-AR'],
  ['پارێزگای هەولێر', 'IQ-AR'],
  ['السليمانية', 'IQ-SU'],
  ['Sulaymaniyah', 'IQ-SU'],
  ['Sulaimaniyah', 'IQ-SU'],
  ['Slemani', 'IQ-SU'],
  ['Slêmanî', 'IQ-SU'],
  ['سلێمانی', 'IQ-SU'],
  ['دهوك', 'IQ-DA'],
  ['Duhok', 'IQ-DA'],
  ['Dohuk', 'IQ-DA'],
  ['Dahuk', 'IQ-DA'],
  ['دهۆک', 'IQ-DA'],
  ['حلبجة', 'HALABJA'],
  ['Halabja', 'HALABJA'],
  ['Halabjah', 'HALABJA'],
  ['هەڵەبجە', 'HALABJA'],
  ['كربلاء', 'IQ-KA'],
  ['كربلاء المقدسة', 'IQ-KA'],
  ['كربلا', 'IQ-KA'],
  ['Kerbala', 'IQ-KA'],
  ['بابل', 'IQ-BB'],
  ['الحلة', 'IQ-BB'],
  ['Babylon', 'IQ-BB'],
  ['القادسية', 'IQ-QA'],
  ['الديوانية', 'IQ-QA'],
  ['Diwaniyah', 'IQ-QA'],
  ['المثنى', 'IQ-MU'],
  ['السماوة', 'IQ-MU'],
  ['ميسان', 'IQ-MA'],
  ['العمارة', 'IQ-MA'],
  ['واسط', 'IQ-WA'],
  ['الكوت', 'IQ-WA'],
  ['كركوك', 'IQ-KI'],
  ['Kirkuk', 'IQ-KI'],
  ['IQ-BG', 'IQ-BG'],
  ['bg', 'IQ-BG'],
  ['IQG02', 'IQ-BA'],
  ['HALABJA', 'HALABJA'],
];

describe('resolveGovernorate: governorates as people write them', () => {
  it.each(WRITTEN)('%s → %s', (text, code) => {
    expect(resolveGovernorate(text)).toBe(code);
  });

  it('resolves every alias of the table, and every Arabic, English and Kurdish name, to its own governorate', () => {
    for (const g of GOVERNORATES) {
      for (const name of [g.nameAr, g.nameEn, g.nameKu, ...(GOVERNORATE_ALIASES[g.code] ?? [])]) {
        expect(resolveGovernorate(name), name).toBe(g.code);
      }
    }
  });

  it('has no name two governorates would claim', () => {
    expect(ALIAS_CONFLICTS).toEqual([]);
  });

  it('does not guess: unknown text and other places stay unresolved', () => {
    for (const text of ['Mars', 'Tokyo', 'بغدات', 'العراق', '', 'محافظة']) expect(resolveGovernorate(text), text).toBeNull();
  });
});

describe('closestGovernorate', () => {
  it('names the governorate a misspelt value most likely meant', () => {
    expect(closestGovernorate('بغدات')?.code).toBe('IQ-BG');
    expect(closestGovernorate('Bagdhad')?.code).toBe('IQ-BG');
    expect(closestGovernorate('النجق الاشرف')?.code).toBe('IQ-NA');
    expect(closestGovernorate('Sulaymania')?.code).toBe('IQ-SU');
  });

  it('names none when nothing is close', () => {
    expect(closestGovernorate('Tokyo')).toBeNull();
    expect(closestGovernorate('xy')).toBeNull();
  });
});

describe('an import row', () => {
  it('accepts النجف الاشرف, which used to make the row invalid', () => {
    const reading = readRow(['زينب علي', 'النجف الاشرف'], ['name', 'governorates']);
    expect(reading).toMatchObject({ ok: true, draft: { governorates: ['IQ-NA'] } });
  });

  it('names the closest governorate when the value is not one', () => {
    const reading = readRow(['زينب علي', 'بغدات'], ['name', 'governorates']);
    expect(reading).toMatchObject({
      ok: false,
      errors: [
        {
          field: 'governorates',
          code: 'unknown_governorate',
          suggestion: 'IQ-BG',
          message: '"بغدات" is not a governorate; did you mean Baghdad (بغداد)?',
        },
      ],
    });
  });
});
