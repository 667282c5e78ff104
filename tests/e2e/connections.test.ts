import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/src/db/database.js';
import { HAS_CHROMIUM, SCREENSHOT_DIR, SKIP_MESSAGE } from '../helpers/browser.js';
import { startE2eApp, type E2eApp } from '../helpers/e2e-app.js';

if (!HAS_CHROMIUM) console.log(SKIP_MESSAGE);

const EMAIL = 'staff@connections.example.org';

describe.runIf(HAS_CHROMIUM)('relationships on the contact page', () => {
  let database: Database;
  let app: FastifyInstance;
  let e2e: E2eApp;
  let page: Page;
  let baseUrl: string;
  let activistId: string;
  let teamId: string;
  let directorateId: string;
  let firstFocalId: string;
  let secondFocalId: string;

  beforeAll(async () => {
    e2e = await startE2eApp([{ email: EMAIL, name: 'موظف الاختبار', role: 'staff' }]);
    ({ database, app, page, baseUrl } = e2e);
    const token = await e2e.tokenFor(EMAIL);
    const create = async (payload: Record<string, unknown>) => {
      const res = await app.inject({ method: 'POST', url: '/api/contacts', headers: { authorization: `Bearer ${token}` }, payload });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    activistId = await create({ kind: 'activist', name: 'سارة كاظم العبيدي', governorates: ['IQ-BG'] });
    teamId = await create({ kind: 'volunteer_team', name: 'فريق شباب الكرادة', governorates: ['IQ-BG'] });
    directorateId = await create({ kind: 'organization', subtype: 'government_body', name: 'مديرية شباب بغداد', governorates: ['IQ-BG'] });
    firstFocalId = await create({ kind: 'government_focal_point', name: 'علي حسين الجبوري', governorates: ['IQ-BG'] });
    secondFocalId = await create({ kind: 'government_focal_point', name: 'مريم عادل التميمي', governorates: ['IQ-BG'] });

    await e2e.signIn(EMAIL);
  });

  afterAll(async () => {
    await e2e?.close();
  });

  const shot = (name: string) => page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });

  it('adds "member of" from the activist to the team and shows it from both sides', async () => {
    await page.goto(`${baseUrl}/contacts/${activistId}`);
    const relationships = page.getByTestId('relationships');
    await relationships.getByText('لا علاقات مسجّلة').waitFor();

    await relationships.getByRole('button', { name: 'إضافة علاقة' }).click();
    const dialog = page.locator('dialog[open]');
    await dialog.locator('select[name="relationshipType"]').selectOption('member_of:from');
    await dialog.locator('input[name="otherContact"]').fill('شباب الكرادة');
    const option = dialog.getByRole('option').filter({ hasText: 'فريق شباب الكرادة' }).first();
    await option.waitFor();
    await option.click();
    await dialog.locator('select[name="strength"]').selectOption('4');
    await shot('10-add-relationship');
    await dialog.locator('button[type="submit"]').click();

    const item = relationships.locator('[data-relationship="member_of"]');
    await item.waitFor();
    await expect.poll(() => item.textContent()).toContain('عضو في');
    expect(await item.getByRole('link', { name: 'فريق شباب الكرادة' }).count()).toBe(1);
    await shot('11-activist-relationships');

    await item.getByRole('link', { name: 'فريق شباب الكرادة' }).click();
    await page.waitForURL(new RegExp(`/contacts/${teamId}$`));
    const teamItem = page.getByTestId('relationships').locator('[data-relationship="member_of"]');
    await teamItem.waitFor();
    await expect.poll(() => teamItem.textContent()).toContain('يضمّ عضواً');
    expect(await teamItem.getByRole('link', { name: 'سارة كاظم العبيدي' }).count()).toBe(1);
    await shot('12-team-relationships');

    const stored = await database.db.selectFrom('relationship').selectAll().execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ from_contact_id: activistId, to_contact_id: teamId, strength: 4 });
  });

  it('logs an interaction with an overdue follow-up, lists it on /follow-ups and marks it done', async () => {
    await page.goto(`${baseUrl}/contacts/${activistId}`);
    const interactions = page.getByTestId('interactions');
    await interactions.getByText('لا تواصل مسجّل').waitFor();
    await interactions.getByRole('button', { name: 'تسجيل تواصل' }).click();
    const dialog = page.locator('dialog[open]');
    await dialog.locator('select[name="interactionKind"]').selectOption('call');
    await dialog.locator('textarea[name="summary"]').fill('مكالمة لتنسيق حملة التوعية');
    await dialog.locator('input[name="followUpOn"]').fill('2020-01-15');
    await dialog.locator('button[type="submit"]').click();

    const entry = interactions.locator('li.interaction.overdue');
    await entry.waitFor();
    await expect.poll(() => entry.textContent()).toContain('مكالمة لتنسيق حملة التوعية');
    await shot('13-interactions');

    await page.getByRole('link', { name: 'كل المتابعات المستحقة' }).click();
    await page.waitForURL(/\/follow-ups$/);
    const due = page.locator('li.interaction').filter({ hasText: 'مكالمة لتنسيق حملة التوعية' });
    await due.waitFor();
    expect(await due.getByRole('link', { name: 'سارة كاظم العبيدي' }).count()).toBe(1);
    await shot('14-follow-ups');
    await due.getByRole('button', { name: 'تمت' }).click();
    await page.getByText('لا متابعات مستحقة').waitFor();
    const stored = await database.db.selectFrom('interaction').select(['follow_up_done']).executeTakeFirstOrThrow();
    expect(stored.follow_up_done).toBe(true);
  });

  it('adds a focal point to a government body, then replaces it after confirmation', async () => {
    await page.goto(`${baseUrl}/contacts/${firstFocalId}`);
    await page.getByText('نقطة اتصال حكومية بلا منصب حالي').waitFor();

    await page.goto(`${baseUrl}/contacts/${directorateId}`);
    const positions = page.getByTestId('positions');
    await positions.getByText('لا مناصب مسجّلة').waitFor();
    await positions.getByRole('button', { name: 'إضافة منصب' }).click();
    let dialog = page.locator('dialog[open]');
    await dialog.getByRole('combobox').fill('علي الجبوري');
    await dialog.getByRole('option').filter({ hasText: 'علي حسين الجبوري' }).first().click();
    await dialog.locator('input[name="title"]').fill('مسؤول الشراكات');
    await dialog.locator('input[name="startDate"]').fill('2024-03-01');
    await dialog.locator('input[name="isFocalPoint"]').check();
    await dialog.locator('button[type="submit"]').click();
    await positions.getByRole('link', { name: 'علي حسين الجبوري' }).waitFor();

    await positions.getByRole('button', { name: 'استبدال نقطة الاتصال' }).click();
    dialog = page.locator('dialog[open]');
    await dialog.getByRole('combobox').fill('مريم التميمي');
    await dialog.getByRole('option').filter({ hasText: 'مريم عادل التميمي' }).first().click();
    await dialog.locator('button[type="submit"]').click();
    const confirm = page.locator('dialog[open]').filter({ hasText: 'مريم عادل التميمي' });
    await confirm.getByRole('button', { name: 'استبدال نقطة الاتصال' }).click();
    await positions.getByRole('link', { name: 'مريم عادل التميمي' }).waitFor();
    await expect.poll(() => positions.locator('li.ended').count()).toBe(1);
    expect(await positions.locator('li.ended').textContent()).toContain('علي حسين الجبوري');
    await shot('15-positions-replaced');
    const current = await database.db.selectFrom('position').selectAll().where('end_date', 'is', null).execute();
    expect(current.map((p) => p.person_id)).toEqual([secondFocalId]);
  });

  it('opens the network view around the activist, from the network page picker and from the contact page', async () => {
    await page.goto(`${baseUrl}/network`);
    await page.getByText('اختر ما تريد رؤية شبكته').waitFor();
    await shot('16-network-start');
    await page.locator('input[name="networkContact"]').fill('سارة العبيدي');
    await page.getByRole('option').filter({ hasText: 'سارة كاظم العبيدي' }).first().click();
    await page.waitForURL(new RegExp(`/network\\?contact=${activistId}`));
    await page.locator(`svg a[href="/contacts/${teamId}"]`).waitFor();
    await expect.poll(() => page.locator('h1').textContent()).toContain('سارة كاظم العبيدي');
    await shot('16-network-picked');

    await page.goto(`${baseUrl}/contacts/${activistId}`);
    await page.getByRole('link', { name: 'شبكة العلاقات' }).last().click();
    await page.waitForURL(new RegExp(`/network\\?contact=${activistId}`));
    const teamNode = page.locator(`svg a[href="/contacts/${teamId}"]`);
    await teamNode.waitFor();
    await shot('16-network');
    await teamNode.click();
    await page.waitForURL(new RegExp(`/contacts/${teamId}$`));
  });
});
