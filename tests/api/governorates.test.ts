import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOVERNORATES } from '../../server/src/domain/governorates.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Governorate = { code: string; pcode: string | null; nameAr: string; nameEn: string; nameKu: string; kurdistanRegion: boolean };

async function list(): Promise<Governorate[]> {
  const res = await t.request('viewer', { method: 'GET', url: '/api/governorates' });
  expect(res.statusCode).toBe(200);
  return res.json().items;
}

describe('GET /api/governorates', () => {
  it('lists the 19 governorates, each with exactly the contract fields', async () => {
    const items = await list();
    expect(items).toHaveLength(19);
    expect(new Set(items.map((g) => g.code)).size).toBe(19);
    for (const g of items) {
      expect(Object.keys(g).sort()).toEqual(['code', 'kurdistanRegion', 'nameAr', 'nameEn', 'nameKu', 'pcode']);
    }
  });

  it('includes Halabja under the key HALABJA with no p-code', async () => {
    const halabja = (await list()).find((g) => g.code === 'HALABJA');
    expect(halabja).toEqual({ code: 'HALABJA', pcode: null, nameEn: 'Halabja', nameAr: 'حلبجة', nameKu: 'هەڵەبجە', kurdistanRegion: true });
  });

  it('gives the 18 others an ISO code and an OCHA p-code', async () => {
    const others = (await list()).filter((g) => g.code !== 'HALABJA');
    expect(others).toHaveLength(18);
    for (const g of others) {
      expect(g.code).toMatch(/^IQ-[A-Z]{2}$/);
      expect(g.pcode).toMatch(/^IQG\d{2}$/);
    }
    expect(new Set(others.map((g) => g.pcode)).size).toBe(18);
  });

  it('maps IQ-BA to Basrah and IQ-BG to Baghdad', async () => {
    const byCode = new Map((await list()).map((g) => [g.code, g]));
    expect(byCode.get('IQ-BA')).toMatchObject({ nameEn: 'Basrah', nameAr: 'البصرة', pcode: 'IQG02', kurdistanRegion: false });
    expect(byCode.get('IQ-BG')).toMatchObject({ nameEn: 'Baghdad', nameAr: 'بغداد', pcode: 'IQG08', kurdistanRegion: false });
  });

  it('marks the four governorates of the Kurdistan Region', async () => {
    const kurdistan = (await list()).filter((g) => g.kurdistanRegion).map((g) => g.code);
    expect(kurdistan.sort()).toEqual(['HALABJA', 'IQ-AR', 'IQ-DA', 'IQ-SU']);
  });

  it('matches the list the server validates against, in the same order', async () => {
    expect(await list()).toEqual(GOVERNORATES.map((g) => ({ ...g })));
  });

  it('is the same full list for a user scoped to one governorate', async () => {
    const { token } = await t.addUser('viewer', ['IQ-AN']);
    const res = await t.app.inject({ method: 'GET', url: '/api/governorates', headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toHaveLength(19);
  });

  it('refuses an anonymous caller with 401 UNAUTHORIZED', async () => {
    const res = await t.request(null, { method: 'GET', url: '/api/governorates' });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ status: 401, code: 'UNAUTHORIZED' });
  });
});
