import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../server/src/domain/roles.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { created, type Json } from '../helpers/api-requests.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const person = (name: string, extra: Json = {}) =>
  created(t, '/api/contacts', { kind: 'activist', name, governorates: ['IQ-BA'], ...extra }, 'admin');

async function search(q: string, as: Role = 'admin'): Promise<Json[]> {
  const res = await t.request(as, { method: 'GET', url: `/api/search?q=${encodeURIComponent(q)}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().results;
}

describe('GET /api/search ranks a short query the way a person means it', () => {
  beforeAll(async () => {
    await person('بيداء قاسم الهيتي');
    await person('قاسم فراس صباح الهيتي');
    await person('ريم الحسن كاظم');
    await person('ريم كاظم جبار الحسناوي');
  });

  it('puts the person whose given name the first word is above the one whose father it is', async () => {
    for (const q of ['قاسم الهي', 'قاسم الهيتي', 'قاسم']) expect((await search(q))[0].name).toBe('قاسم فراس صباح الهيتي');
  });

  it('puts a prefix of the last word on the family name rather than on a middle name', async () => {
    expect((await search('ريم الحس')).map((r) => r.name)).toEqual(['ريم كاظم جبار الحسناوي', 'ريم الحسن كاظم']);
  });
});

describe('GET /api/search, among people who fit a query equally', () => {
  let first: Json;
  let second: Json;
  beforeAll(async () => {
    first = await person('نادية كريم الحلي');
    second = await person('نادية كريم الحلي');
  });

  it('puts first the one the caller most recently worked on', async () => {
    // admin created both, the second last; staff then edits the first.
    expect((await search('نادية الحلي', 'admin')).map((r) => r.id)).toEqual([second.id, first.id]);
    const res = await t.request('staff', {
      method: 'PATCH',
      url: `/api/contacts/${first.id}`,
      payload: { version: first.version, tags: ['partner'] },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await search('نادية الحلي', 'staff')).map((r) => r.id)).toEqual([first.id, second.id]);
    expect((await search('نادية الحلي', 'admin')).map((r) => r.id)).toEqual([second.id, first.id]);
  });
});

describe('GET /api/search results say what tells people of the same name apart', () => {
  let withPosition: Json;
  let shortName: Json;
  beforeAll(async () => {
    const org = await created(t, '/api/contacts', {
      kind: 'organization',
      subtype: 'local_ngo',
      name: 'جمعية النخيل',
      governorates: ['IQ-BA'],
    });
    withPosition = await person('سلمى جواد الكعبي', { nameParts: { first: 'سلمى', father: 'جواد', family: 'الكعبي' } });
    shortName = await person('سلمى الكعبي', { nameParts: { first: 'سلمى', father: 'حميد', family: 'الكعبي' } });
    const pos = await t.request('staff', {
      method: 'POST',
      url: '/api/positions',
      payload: { personId: withPosition.id, organizationId: org.id, title: 'منسقة' },
    });
    expect(pos.statusCode, pos.body).toBe(201);
  });

  it('the father’s name when the name does not show it, and a current position', async () => {
    const results = await search('سلمى الكعبي');
    const byId = new Map(results.map((r) => [r.id, r.detail]));
    expect(byId.get(shortName.id)).toEqual({ fatherName: 'حميد', position: null });
    expect(byId.get(withPosition.id)).toEqual({ fatherName: null, position: { title: 'منسقة', organization: 'جمعية النخيل' } });
  });

  it('not a position at an organisation the caller may not see', async () => {
    const { token } = await t.addUser('viewer', ['IQ-BA']);
    const org = await created(t, '/api/contacts', {
      kind: 'organization',
      subtype: 'local_ngo',
      name: 'جمعية الرافدين',
      governorates: ['IQ-NI'],
    });
    const pos = await t.request('staff', {
      method: 'POST',
      url: '/api/positions',
      payload: { personId: shortName.id, organizationId: org.id, title: 'عضوة' },
    });
    expect(pos.statusCode, pos.body).toBe(201);
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/search?q=${encodeURIComponent('سلمى الكعبي')}`,
      headers: { authorization: `Bearer ${token}` },
    });
    const scoped = (res.json().results as Json[]).find((r) => r.id === shortName.id)!;
    expect(scoped.detail).toEqual({ fatherName: 'حميد', position: null });
    const admin = (await search('سلمى الكعبي')).find((r) => r.id === shortName.id)!;
    expect(admin.detail.position).toEqual({ title: 'عضوة', organization: 'جمعية الرافدين' });
  });
});
