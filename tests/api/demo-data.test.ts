import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIRST_ADMIN_NAME, ensureFirstAdmin } from '../../server/src/bootstrap.js';
import { DEMO_CONTACTS } from '../../seeds/demo-contacts.js';
import { loadDemoContacts } from '../../seeds/load-demo.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { createTestDatabase } from '../helpers/test-database.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await loadDemoContacts(t.database.db, { id: t.users.admin.id, role: 'admin', governorates: null });
});
afterAll(() => t.close());

const idOf = async (name: string) =>
  (await t.database.db.selectFrom('contact').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;

describe('demo data (issue 14, item 19)', () => {
  it('files the executive director and the rest of Al-Amal’s people in their organisation, with their public roles', async () => {
    const amal = await idOf('جمعية الأمل العراقية');
    const held = await t.database.db
      .selectFrom('position')
      .innerJoin('contact', 'contact.id', 'position.person_id')
      .select(['contact.name', 'position.title'])
      .where('position.organization_id', '=', amal)
      .where('position.end_date', 'is', null)
      .execute();
    expect(new Map(held.map((p) => [p.name, p.title]))).toEqual(
      new Map([
        ['جمال الجواهري', 'المدير التنفيذي'],
        ['فاتن صالح', 'مديرة مشروع تعزيز الديمقراطية'],
        ['محمود الهيتي', 'منسق المشروع'],
        ['بلند', 'من كادر الجمعية'],
      ]),
    );
  });

  it('leaves no person named in the article without a current position (no isolated dot in the network)', async () => {
    for (const demo of DEMO_CONTACTS.filter((d) => !d.fictional && (d.kind === 'activist' || d.kind === 'government_focal_point'))) {
      const positions = await t.database.db
        .selectFrom('position')
        .select('id')
        .where('person_id', '=', await idOf(demo.name))
        .where('end_date', 'is', null)
        .execute();
      expect(positions.length, demo.name).toBeGreaterThan(0);
    }
  });

  it('writes its tags in Arabic, and gives the people of the article no contact details', () => {
    for (const demo of DEMO_CONTACTS) {
      for (const tag of demo.tags ?? []) expect(tag, `${demo.key}: ${tag}`).not.toMatch(/[A-Za-z]/);
      if (!demo.fictional) expect([...(demo.phones ?? []), ...(demo.emails ?? [])], demo.key).toEqual([]);
    }
  });
});

describe('demo programmes (issue 16, item 2)', () => {
  it('attributes the closing session to the democracy programme, with its donor, and marks the teams as beneficiaries', async () => {
    const list = (await t.request('viewer', { method: 'GET', url: '/api/programmes' })).json();
    const democracy = list.items.find((p: { nameAr: string }) => p.nameAr === 'برنامج تعزيز الديمقراطية');
    expect(democracy).toMatchObject({ counts: { events: 1 }, donors: [{ name: 'منظمة مساعدات الشعب النرويجية' }] });
    const overview = (await t.request('viewer', { method: 'GET', url: `/api/programmes/${democracy.id}/overview` })).json();
    expect(overview.events.map((e: { title: string }) => e.title)).toEqual(['الجلسة الختامية لبرنامج تعزيز الديمقراطية']);
    const grants = list.items.find((p: { nameAr: string }) => p.nameAr === 'منح المبادرات التطوعية');
    const teams = DEMO_CONTACTS.filter((d) => d.kind === 'volunteer_team').length;
    expect(grants.counts.participants).toBe(teams);
    expect(teams).toBeGreaterThan(0);
  });
});

describe('first administrator', () => {
  it('is called مدير النظام by default, not “Administrator” (the product is Arabic first)', async () => {
    const empty = await createTestDatabase();
    try {
      const first = await ensureFirstAdmin(empty.db, null, null);
      expect(first?.generatedPassword).toBeTruthy();
      const user = await empty.db
        .selectFrom('app_user')
        .select(['name', 'role'])
        .where('id', '=', first!.actor.id)
        .executeTakeFirstOrThrow();
      expect(user).toEqual({ name: 'مدير النظام', role: 'admin' });
      expect(FIRST_ADMIN_NAME).toBe('مدير النظام');
    } finally {
      await empty.close();
    }
  });
});
