import { describe, expect, it } from 'vitest';
import { DEMO_CONTACTS } from '../../../seeds/demo-contacts.js';
import { HANDWRITTEN_ONLY_GROUPS, HANDWRITTEN_QUERIES } from '../../../seeds/synthetic/handwritten-queries.js';
import { arabicToEnglishLayout, NOISE_GROUPS } from '../../../seeds/synthetic/noise.js';

describe('HANDWRITTEN_QUERIES', () => {
  it('has about sixty queries across the noise groups', () => {
    expect(HANDWRITTEN_QUERIES.length).toBeGreaterThanOrEqual(60);
    const groups = new Set(HANDWRITTEN_QUERIES.map((q) => q.group));
    for (const group of NOISE_GROUPS.filter((g) => g !== 'exact')) expect(groups.has(group), group).toBe(true);
    for (const group of HANDWRITTEN_ONLY_GROUPS) expect(groups.has(group), group).toBe(true);
    for (const q of HANDWRITTEN_QUERIES) expect([...NOISE_GROUPS, ...HANDWRITTEN_ONLY_GROUPS]).toContain(q.group);
  });

  it('expects only names that exist in DEMO_CONTACTS, exactly', () => {
    const names = new Set(DEMO_CONTACTS.map((c) => c.name));
    const missing = HANDWRITTEN_QUERIES.filter((q) => !names.has(q.expectedName)).map((q) => q.expectedName);
    expect(missing).toEqual([]);
  });

  it('never gives the expected name itself, nor the same query twice', () => {
    for (const q of HANDWRITTEN_QUERIES) expect(q.query).not.toBe(q.expectedName);
    const keys = HANDWRITTEN_QUERIES.map((q) => `${q.query}→${q.expectedName}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('has wrong-layout queries that are what the keys type', () => {
    for (const q of HANDWRITTEN_QUERIES.filter((x) => x.typed !== undefined)) {
      expect(arabicToEnglishLayout(q.typed!)).toBe(q.query);
    }
    expect(HANDWRITTEN_QUERIES.filter((q) => q.group === 'wrong_layout').every((q) => q.typed !== undefined)).toBe(true);
  });
});
