import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { created, type Json } from '../helpers/api-requests.js';

/**
 * Who may do what, over the real app: the four roles plus a staff account limited to Basrah, against contacts in
 * Baghdad. Each row is one question the access module answers; the per-module tests check the details.
 */

type Who = 'admin' | 'coordinator' | 'staff' | 'viewer' | 'scoped';
const EVERYONE: Who[] = ['admin', 'coordinator', 'staff', 'viewer', 'scoped'];

let t: TestApp;
let scopedToken: string;
let normal: Json;
let restricted: Json;
let ngo: Json;
const people = {} as Record<Who, Json>;

const as = (who: Who, options: InjectOptions) =>
  who === 'scoped'
    ? t.app.inject({ ...options, headers: { ...(options.headers ?? {}), authorization: `Bearer ${scopedToken}` } })
    : t.request(who, options);

beforeAll(async () => {
  t = await createTestApp();
  scopedToken = (await t.addUser('staff', ['IQ-BA'])).token;
  normal = await created(
    t,
    '/api/contacts',
    { kind: 'activist', name: 'مصفوفة عادية', governorates: ['IQ-BG'], phones: ['07701230001'] },
    'admin',
  );
  restricted = await created(
    t,
    '/api/contacts',
    { kind: 'activist', name: 'مصفوفة مقيدة', governorates: ['IQ-BG'], phones: ['07701230002'], notes: 'سري', sensitivity: 'restricted' },
    'admin',
  );
  ngo = await created(
    t,
    '/api/contacts',
    { kind: 'organization', subtype: 'local_ngo', name: 'منظمة المصفوفة', governorates: ['IQ-BG'] },
    'admin',
  );
  for (const who of EVERYONE) {
    people[who] = await created(t, '/api/contacts', { kind: 'activist', name: `شخص ${who}`, governorates: ['IQ-BG'] }, 'admin');
  }
});
afterAll(() => t.close());

/** Expected status per actor; writers are admin, coordinator and staff; the scoped account cannot see Baghdad (404). */
const write = (ok: number): Record<Who, number> => ({ admin: ok, coordinator: ok, staff: ok, viewer: 403, scoped: 404 });

describe('reads', () => {
  it.each(EVERYONE)('%s reads a Baghdad contact unless scoped elsewhere', async (who) => {
    const res = await as(who, { method: 'GET', url: `/api/contacts/${normal.id}` });
    expect(res.statusCode).toBe(who === 'scoped' ? 404 : 200);
    const list = await as(who, { method: 'GET', url: '/api/contacts?governorate=IQ-BG' });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.some((c: Json) => c.id === normal.id)).toBe(who !== 'scoped');
  });

  it.each(EVERYONE)("%s sees a restricted contact's details only as a coordinator or an administrator", async (who) => {
    const res = await as(who, { method: 'GET', url: `/api/contacts/${restricted.id}` });
    if (who === 'scoped') return expect(res.statusCode).toBe(404);
    expect(res.statusCode).toBe(200);
    const sees = who === 'admin' || who === 'coordinator';
    expect(res.json().detailsHidden).toBe(!sees);
    expect(res.json().phones).toEqual(sees ? ['+9647701230002'] : undefined);
    expect(res.json().notes).toEqual(sees ? 'سري' : undefined);
  });
});

describe('writes', () => {
  it.each(EVERYONE)('%s creates a contact in Baghdad only as a writer covering Baghdad', async (who) => {
    const res = await as(who, {
      method: 'POST',
      url: '/api/contacts',
      payload: { kind: 'activist', name: `جديد ${who}`, governorates: ['IQ-BG'] },
    });
    expect(res.statusCode).toBe({ ...write(201), scoped: 403 }[who]);
  });

  it('lets the scoped account file contacts in its own governorate', async () => {
    const res = await as('scoped', {
      method: 'POST',
      url: '/api/contacts',
      payload: { kind: 'activist', name: 'في البصرة', governorates: ['IQ-BA'] },
    });
    expect(res.statusCode).toBe(201);
  });

  it.each(EVERYONE)('%s changes and deletes a contact only as a writer who sees it', async (who) => {
    const own = await created(t, '/api/contacts', { kind: 'activist', name: `للحذف ${who}`, governorates: ['IQ-BG'] }, 'admin');
    const patch = await as(who, { method: 'PATCH', url: `/api/contacts/${own.id}`, payload: { version: own.version, tags: ['x'] } });
    expect(patch.statusCode).toBe(write(200)[who]);
    const del = await as(who, { method: 'DELETE', url: `/api/contacts/${own.id}` });
    expect(del.statusCode).toBe(write(204)[who]);
  });

  it.each(EVERYONE)('%s adds a position, a relationship and an interaction only as a writer who sees the contacts', async (who) => {
    const person = people[who];
    const position = await as(who, {
      method: 'POST',
      url: '/api/positions',
      payload: { personId: person.id, organizationId: ngo.id, title: 'عضو' },
    });
    expect(position.statusCode).toBe(write(201)[who]);
    const relationship = await as(who, {
      method: 'POST',
      url: '/api/relationships',
      payload: { type: 'member_of', fromContactId: person.id, toContactId: ngo.id },
    });
    expect(relationship.statusCode).toBe(write(201)[who]);
    const interaction = await as(who, {
      method: 'POST',
      url: '/api/interactions',
      payload: { kind: 'call', occurredOn: '2026-01-15', summary: 'مكالمة', contactIds: [person.id] },
    });
    expect(interaction.statusCode).toBe(write(201)[who]);
  });

  it.each(EVERYONE)(
    '%s gives a task about a contact only as a writer who sees the contact; everyone reads the activity feed',
    async (who) => {
      const task = await as(who, { method: 'POST', url: '/api/tasks', payload: { title: 'متابعة', contactId: people[who].id } });
      expect(task.statusCode).toBe(write(201)[who]);
      expect((await as(who, { method: 'GET', url: '/api/tasks/summary' })).statusCode).toBe(200);
      expect((await as(who, { method: 'GET', url: '/api/activity' })).statusCode).toBe(200);
    },
  );

  it.each(EVERYONE)(
    '%s tags contacts in bulk only as a writer who sees each; restricted ones leave the directory only for coordinators+',
    async (who) => {
      const own = await created(t, '/api/contacts', { kind: 'activist', name: `جماعي ${who}`, governorates: ['IQ-BG'] }, 'admin');
      const tag = await as(who, {
        method: 'POST',
        url: '/api/contacts/bulk',
        payload: { action: 'addTags', selection: { ids: [own.id] }, tags: ['x'] },
      });
      expect(tag.statusCode).toBe({ ...write(200), scoped: 403 }[who]);
      const trash = await as(who, {
        method: 'POST',
        url: '/api/contacts/bulk',
        payload: { action: 'moveToTrash', selection: { ids: [restricted.id] }, dryRun: true },
      });
      expect(trash.statusCode).toBe({ admin: 200, coordinator: 200, staff: 403, viewer: 403, scoped: 403 }[who]);
    },
  );

  it.each(EVERYONE)('%s changes the partnership settings only as an administrator', async (who) => {
    const current = (await as(who, { method: 'GET', url: '/api/settings/partnerships' })).json();
    const res = await as(who, {
      method: 'PUT',
      url: '/api/settings/partnerships',
      payload: { activeDays: 100, coolingDays: 200, version: current.version },
    });
    expect(res.statusCode).toBe(who === 'admin' ? 200 : 403);
  });
});

describe('export', () => {
  it.each(EVERYONE)('%s exports what they may read, restricted details only for coordinators and administrators', async (who) => {
    const res = await as(who, { method: 'GET', url: '/api/contacts/export?format=csv&governorate=IQ-BG&columns=name,phones' });
    expect(res.statusCode).toBe(200);
    expect(res.body.includes('مصفوفة عادية')).toBe(who !== 'scoped');
    expect(res.body.includes('+9647701230002')).toBe(who === 'admin' || who === 'coordinator');
  });
});
