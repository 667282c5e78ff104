import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KIND_LABELS, SUBTYPE_LABELS } from '../../server/src/domain/contact-labels.js';
import { parseKind, parseSubtype } from '../../server/src/domain/imports/value-parsers.js';
import { CONTACT_KINDS, ORGANIZATION_SUBTYPES } from '../../server/src/domain/contact-kinds.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { created } from '../helpers/api-requests.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await created(t, '/api/contacts', { kind: 'government_focal_point', name: 'سعاد كريم', gender: 'female', governorates: ['IQ-NA'] });
  await created(t, '/api/contacts', { kind: 'organization', subtype: 'media', name: 'إذاعة المدينة', governorates: ['IQ-NA'] });
});
afterAll(() => t.close());

async function exported(lang: 'ar' | 'en'): Promise<string[][]> {
  const res = await t.request('staff', { method: 'GET', url: `/api/contacts/export?format=csv&columns=name,kind,subtype&lang=${lang}` });
  expect(res.statusCode, res.body).toBe(200);
  return parse(res.body.replace(/^\uFEFF/, '')) as string[][];
}

describe('one word per kind (issue 14, item 15)', () => {
  it('the contacts export names kinds and organisation types in the shared vocabulary the UI uses', async () => {
    const rows = new Map((await exported('ar')).slice(1).map((r) => [r[0], r]));
    expect(rows.get('سعاد كريم')).toEqual(['سعاد كريم', 'نقطة اتصال حكومية', '']);
    expect(rows.get('إذاعة المدينة')).toEqual(['إذاعة المدينة', KIND_LABELS.organization.ar, SUBTYPE_LABELS.media.ar]);
    const en = new Map((await exported('en')).slice(1).map((r) => [r[0], r]));
    expect(en.get('سعاد كريم')![1]).toBe('Government focal point');
  });

  it('an import reads every label of an export back as its value', () => {
    for (const kind of CONTACT_KINDS) for (const lang of ['ar', 'en'] as const) expect(parseKind(KIND_LABELS[kind][lang])).toBe(kind);
    for (const subtype of ORGANIZATION_SUBTYPES)
      for (const lang of ['ar', 'en'] as const) expect(parseSubtype(SUBTYPE_LABELS[subtype][lang])).toBe(subtype);
  });
});
