import { describe, expect, it } from 'vitest';
import { guessField, guessMapping } from '../../../server/src/domain/imports/header-guess.js';
import {
  parseEmails,
  parseGender,
  parseGovernorate,
  parseGovernorates,
  parseKind,
  parsePhones,
  parseSubtype,
  splitList,
} from '../../../server/src/domain/imports/value-parsers.js';
import { readRow } from '../../../server/src/domain/imports/row-draft.js';

describe('header guessing', () => {
  it('reads Arabic and English headers in their usual spellings', () => {
    expect(
      guessMapping([
        'الاسم الكامل',
        'Mobile',
        'رقم الهاتف ٢',
        'المحافظة',
        'E-Mail',
        'الجهة',
        'Job title',
        'الوسوم',
        'ملاحظات',
        'الجنس',
        'النوع',
      ]),
    ).toEqual(['name', 'phones', 'phones', 'governorates', 'emails', 'organization', 'title', 'tags', 'notes', 'gender', 'kind']);
    expect(guessMapping(['الاسم الأول', 'اسم الأب', 'اسم الجد', 'اللقب', 'Name (English)', 'Province'])).toEqual([
      'nameFirst',
      'nameFather',
      'nameGrandfather',
      'nameFamily',
      'nameLatin',
      'governorates',
    ]);
  });

  it('maps a single-valued field once and ignores what it does not know', () => {
    expect(guessMapping(['Name', 'الاسم', 'Favourite colour', ''])).toEqual(['name', 'ignore', 'ignore', 'ignore']);
    expect(guessField('Phone number (work)')).toBe('phones');
    expect(guessField('النوع الاجتماعي')).toBe('gender');
  });
});

describe('value parsing', () => {
  it('reads a governorate by Arabic name with any alef, English name, code or p-code', () => {
    for (const text of ['الانبار', 'الأنبار', 'انبار', 'Anbar', 'Al Anbar', 'al-Anbar', 'IQ-AN', 'iq-an', 'IQG01', 'الرمادي']) {
      expect(parseGovernorate(text), text).toBe('IQ-AN');
    }
    expect(parseGovernorate('البصره')).toBe('IQ-BA');
    expect(parseGovernorate('Basra')).toBe('IQ-BA');
    expect(parseGovernorate('Baghdad')).toBe('IQ-BG');
    expect(parseGovernorate('Halabja')).toBe('HALABJA');
    expect(parseGovernorate('Mars')).toBeNull();
    expect(parseGovernorates('بغداد، البصرة / Najaf; Atlantis')).toEqual({ codes: ['IQ-BG', 'IQ-BA', 'IQ-NA'], unknown: ['Atlantis'] });
  });

  it('reads phones in Arabic-Indic digits and every Iraqi prefix, and reports the bad ones', () => {
    expect(parsePhones('٠٧٧٠١٢٣٤٥٦٧، +964 780 111 2222 / 00964-750-333-4444; 12345')).toEqual({
      phones: ['+9647701234567', '+9647801112222', '+9647503334444'],
      invalid: ['12345'],
    });
  });

  it('reads kinds, subtypes, genders, emails and tag lists in Arabic or English', () => {
    expect(parseKind('ناشطة')).toBe('activist');
    expect(parseKind('فريق تطوعي')).toBe('volunteer_team');
    expect(parseKind('NGO')).toBe('organization');
    expect(parseKind('government_focal_point')).toBe('government_focal_point');
    expect(parseKind('alien')).toBeNull();
    expect(parseSubtype('منظمة دولية')).toBe('international_ngo');
    expect(parseGender('أنثى')).toBe('female');
    expect(parseGender('M')).toBe('male');
    expect(parseEmails('A@Example.org; mailto:b@example.org, nope')).toEqual({
      emails: ['a@example.org', 'b@example.org'],
      invalid: ['nope'],
    });
    expect(splitList('شباب، نساء; حقوق\nبيئة')).toEqual(['شباب', 'نساء', 'حقوق', 'بيئة']);
  });
});

describe('reading a row through a mapping', () => {
  const mapping = ['name', 'phones', 'governorates', 'kind', 'gender', 'organization'] as const;

  it('builds the contact and unites multi-column values', () => {
    const reading = readRow(['  هدى   جاسم ', '٠٧٧٠١١١٢٢٣٣', 'بغداد', '', 'انثى', 'منظمة الأمل'], [...mapping]);
    expect(reading).toMatchObject({
      ok: true,
      draft: {
        name: 'هدى جاسم',
        kind: 'activist',
        gender: 'female',
        governorates: ['IQ-BG'],
        phones: ['+9647701112233'],
        organization: 'منظمة الأمل',
      },
    });
  });

  it('reports every problem of a row per field', () => {
    const reading = readRow(['', '123', 'Mars', 'alien', 'x', ''], [...mapping]);
    expect(reading.ok).toBe(false);
    if (reading.ok) return;
    expect(reading.errors.map((e) => [e.field, e.code])).toEqual([
      ['name', 'required'],
      ['kind', 'unknown_kind'],
      ['gender', 'unknown_gender'],
      ['governorates', 'unknown_governorate'],
      ['phones', 'bad_phone'],
    ]);
  });

  it('uses defaults, builds the name from its parts, and drops person fields from organisations', () => {
    const parts = readRow(['علي', 'حسين', 'كاظم'], ['nameFirst', 'nameFather', 'nameFamily'], { governorates: ['IQ-NA'] });
    expect(parts).toMatchObject({
      ok: true,
      draft: { name: 'علي حسين كاظم', nameParts: { first: 'علي', father: 'حسين', family: 'كاظم' }, governorates: ['IQ-NA'] },
    });
    const org = readRow(['منظمة', 'Basra', 'organization', 'female'], ['name', 'governorates', 'kind', 'gender'], { subtype: 'media' });
    expect(org).toMatchObject({ ok: true, draft: { kind: 'organization', subtype: 'media', gender: null } });
    expect(readRow(['x'], ['name'])).toMatchObject({ ok: false, errors: [{ field: 'governorates', code: 'required' }] });
  });
});
