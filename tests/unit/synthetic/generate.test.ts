import { beforeAll, describe, expect, it } from 'vitest';
import { GOVERNORATES, isGovernorateCode } from '../../../server/src/domain/governorates.js';
import { GOVERNORATE_PROFILES, generateContacts, type SyntheticContact } from '../../../seeds/synthetic/generate.js';
import { FAMILY_NAMES, FEMALE_GIVEN_NAMES, latinSpellings, MALE_GIVEN_NAMES } from '../../../seeds/synthetic/names.js';

const N = 100_000;
const MOBILE = /^\+9647[3-9]\d{8}$/;

let contacts: SyntheticContact[];
let elapsedMs: number;

beforeAll(() => {
  const start = performance.now();
  contacts = generateContacts(N, 20241207);
  elapsedMs = performance.now() - start;
  console.log(`generateContacts(${N}) took ${elapsedMs.toFixed(0)} ms`);
});

function share(predicate: (c: SyntheticContact) => boolean, of: readonly SyntheticContact[] = contacts): number {
  return of.filter(predicate).length / of.length;
}

describe('generateContacts: determinism', () => {
  it('gives identical output for the same seed', () => {
    expect(generateContacts(3000, 7)).toEqual(generateContacts(3000, 7));
  });

  it('gives different output for a different seed', () => {
    const a = generateContacts(200, 7);
    const b = generateContacts(200, 8);
    expect(a).not.toEqual(b);
    expect(a.filter((c, i) => c.name === b[i].name).length).toBeLessThan(20);
  });

  it('a prefix of a longer run equals a shorter run', () => {
    expect(generateContacts(500, 3)).toEqual(generateContacts(1000, 3).slice(0, 500));
  });
});

describe('generateContacts: 100k', () => {
  it('generates the requested count in reasonable time', () => {
    expect(contacts).toHaveLength(N);
    // Printed above; asserted only against a very generous bound so slow CI machines do not fail.
    expect(elapsedMs).toBeLessThan(20_000);
  });

  it('mixes kinds as specified', () => {
    expect(share((c) => c.kind === 'activist')).toBeCloseTo(0.7, 1);
    expect(Math.abs(share((c) => c.kind === 'activist') - 0.7)).toBeLessThan(0.01);
    expect(Math.abs(share((c) => c.kind === 'government_focal_point') - 0.08)).toBeLessThan(0.006);
    expect(Math.abs(share((c) => c.kind === 'volunteer_team') - 0.05)).toBeLessThan(0.005);
    expect(Math.abs(share((c) => c.kind === 'organization') - 0.17)).toBeLessThan(0.008);

    const orgs = contacts.filter((c) => c.kind === 'organization');
    expect(Math.abs(share((c) => c.subtype === 'government_body', orgs) - 0.4)).toBeLessThan(0.02);
    expect(Math.abs(share((c) => c.subtype === 'local_ngo', orgs) - 0.35)).toBeLessThan(0.02);
    for (const subtype of ['international_ngo', 'media', 'donor', 'other'] as const) {
      expect(orgs.some((c) => c.subtype === subtype)).toBe(true);
    }
    expect(orgs.every((c) => c.subtype !== undefined)).toBe(true);
    expect(contacts.filter((c) => c.kind !== 'organization').every((c) => c.subtype === undefined)).toBe(true);
  });

  it('gives people name parts that make up the display name, and gender', () => {
    const people = contacts.filter((c) => c.kind === 'activist' || c.kind === 'government_focal_point');
    const bad = people.filter((p) => {
      const parts = p.nameParts!;
      const joined = [parts.first, parts.father, parts.grandfather, parts.family].filter(Boolean).join(' ');
      return (
        p.name !== joined ||
        (p.gender !== 'male' && p.gender !== 'female') ||
        p.latinVariants.length < 1 ||
        p.latinVariants.length > 3 ||
        new Set(p.latinVariants).size !== p.latinVariants.length ||
        (p.nameLatin !== undefined && !p.latinVariants.includes(p.nameLatin))
      );
    });
    expect(bad).toEqual([]);
    expect(Math.abs(share((c) => c.nameParts!.grandfather !== undefined, people) - 0.4)).toBeLessThan(0.015);
    expect(Math.abs(share((c) => c.nameParts!.family !== undefined, people) - 0.85)).toBeLessThan(0.015);
    expect(Math.abs(share((c) => c.nameLatin !== undefined, people) - 0.25)).toBeLessThan(0.015);
    // Records typed without hamza and compounds written both ways both occur.
    expect(people.some((p) => p.name.includes('عبد ')) && people.some((p) => /عبد[^\s]/.test(p.name))).toBe(true);
    expect(people.some((p) => p.nameParts!.first === 'احمد') && people.some((p) => p.nameParts!.first === 'أحمد')).toBe(true);

    const orgLike = contacts.filter((c) => c.kind === 'organization' || c.kind === 'volunteer_team');
    for (const o of orgLike) {
      expect(o.nameParts).toBeUndefined();
      expect(o.gender).toBeUndefined();
      expect(o.latinVariants.length).toBeLessThanOrEqual(1);
      if (o.nameLatin !== undefined) expect(o.latinVariants).toEqual([o.nameLatin]);
    }
  });

  it('gives unique, valid Iraqi mobiles in E.164', () => {
    const all = contacts.flatMap((c) => c.phones);
    expect(all.length).toBeGreaterThan(N * 0.9);
    expect(all.filter((phone) => !MOBILE.test(phone))).toEqual([]);
    expect(new Set(all).size).toBe(all.length);
  });

  it('gives unique example.org emails', () => {
    const all = contacts.flatMap((c) => c.emails ?? []);
    expect(all.length).toBeGreaterThan(N * 0.2);
    expect(all.filter((email) => !/^[a-z0-9.]+@example\.org$/.test(email))).toEqual([]);
    expect(new Set(all).size).toBe(all.length);
  });

  it('uses valid governorate codes, all 19 of them, weighted toward Baghdad', () => {
    const counts = new Map<string, number>();
    const bad: SyntheticContact[] = [];
    for (const c of contacts) {
      if (c.governorates.length < 1 || new Set(c.governorates).size !== c.governorates.length) bad.push(c);
      for (const code of c.governorates) {
        if (!isGovernorateCode(code)) bad.push(c);
        counts.set(code, (counts.get(code) ?? 0) + 1);
      }
    }
    expect(bad).toEqual([]);
    expect(counts.size).toBe(GOVERNORATES.length);
    const sorted = [...counts.entries()].sort((a, b) => b[1] - a[1]);
    expect(sorted[0][0]).toBe('IQ-BG');

    const orgLike = contacts.filter((c) => c.kind === 'organization' || c.kind === 'volunteer_team');
    const multi = share((c) => c.governorates.length > 1, orgLike);
    expect(multi).toBeGreaterThan(0.03);
    expect(multi).toBeLessThan(0.08);
    expect(orgLike.filter((c) => c.governorates.length > 1).every((c) => c.governorates.length <= 3)).toBe(true);
  });

  it('marks about 4% restricted', () => {
    expect(Math.abs(share((c) => c.sensitivity === 'restricted') - 0.04)).toBeLessThan(0.01);
  });

  it('names government bodies after their governorate', () => {
    const bodies = contacts.filter((c) => c.subtype === 'government_body');
    const names = new Set(bodies.map((c) => c.name));
    expect(names.has('قسم شؤون المرأة — محافظة بغداد')).toBe(true);
    expect(names.has('مديرية شباب ورياضة البصرة')).toBe(true);
    expect(names.has('لجنة العمل التطوعي — محافظة نينوى')).toBe(true);
    const byCode = new Map(GOVERNORATE_PROFILES.map((g) => [g.code, g]));
    for (const b of bodies.filter((c) => c.name.includes('— محافظة '))) {
      expect(b.name.endsWith(`محافظة ${byCode.get(b.governorates[0])!.ar}`)).toBe(true);
    }
  });
});

describe('governorate profiles and name tables', () => {
  it('profile every governorate exactly once, with its Arabic name', () => {
    expect(GOVERNORATE_PROFILES.map((g) => g.code).sort()).toEqual(GOVERNORATES.map((g) => g.code).sort());
    for (const g of GOVERNORATE_PROFILES) {
      expect(GOVERNORATES.find((x) => x.code === g.code)!.nameAr).toBe(g.ar);
      expect(g.districts.length).toBeGreaterThan(0);
    }
  });

  it('have the expected sizes and no duplicate Arabic spellings', () => {
    expect(MALE_GIVEN_NAMES.length).toBeGreaterThanOrEqual(150);
    expect(FEMALE_GIVEN_NAMES.length).toBeGreaterThanOrEqual(120);
    expect(FAMILY_NAMES.length).toBeGreaterThanOrEqual(150);
    for (const table of [MALE_GIVEN_NAMES, FEMALE_GIVEN_NAMES, FAMILY_NAMES]) {
      const spellings = table.map((e) => e.ar);
      expect(new Set(spellings).size).toBe(spellings.length);
      for (const e of table) {
        expect(e.latin.length).toBeGreaterThanOrEqual(1);
        expect(e.latin.length).toBeLessThanOrEqual(4);
        expect(e.ar).toMatch(/^[\u0621-\u064A ]+$/);
      }
    }
  });

  it('find Latin spellings from any Arabic spelling the generator writes', () => {
    expect(latinSpellings('محمد')).toEqual(['Mohammed', 'Muhammad', 'Mohamed', 'Mohammad']);
    expect(latinSpellings('قاسم')).toEqual(['Qasim', 'Kassim', 'Gasim', 'Kasim']);
    expect(latinSpellings('عبدالله')).toEqual(latinSpellings('عبد الله'));
    expect(latinSpellings('احمد')).toEqual(['Ahmed', 'Ahmad']);
    expect(latinSpellings('الاسدي')).toEqual(latinSpellings('الأسدي'));
    expect(latinSpellings('العبيدي')).toContain('al-Obaidi');
    expect(latinSpellings('نورالدين')).toBeDefined();
    expect(latinSpellings('غير موجود')).toBeUndefined();
  });
});
