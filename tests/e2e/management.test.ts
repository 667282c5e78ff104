import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/src/db/database.js';
import { HAS_CHROMIUM, SCREENSHOT_DIR, SKIP_MESSAGE } from '../helpers/browser.js';
import { startE2eApp, type E2eApp } from '../helpers/e2e-app.js';

if (!HAS_CHROMIUM) console.log(SKIP_MESSAGE);

const STAFF = 'staff@management.example.org';
const VIEWER = 'viewer@management.example.org';
const ADMIN = 'admin@management.example.org';

/**
 * Five government bodies with known facts (as of the database's today):
 * Baghdad: the women's directorate is active (met 10 days ago, its focal point came to an event 20 days ago);
 *          the council is vacant (its focal point's position ended 30 days ago, though we met him 60 days ago).
 * Basrah:  the youth directorate is cooling (last call 120 days ago); the health directorate is dormant (never met).
 * Ninewa:  the education directorate is vacant (never had a focal point), so Ninewa has no government focal point.
 */
describe.runIf(HAS_CHROMIUM)('management view: partnerships, map, dashboard, report', () => {
  let database: Database;
  let app: FastifyInstance;
  let e2e: E2eApp;
  let page: Page;
  let baseUrl: string;
  const id: Record<string, string> = {};

  beforeAll(async () => {
    e2e = await startE2eApp([
      { email: STAFF, name: 'موظف البيانات', role: 'staff' },
      { email: VIEWER, name: 'مديرة البرنامج', role: 'viewer' },
      { email: ADMIN, name: 'مسؤول النظام', role: 'admin' },
    ]);
    ({ database, app, page, baseUrl } = e2e);
    const db = database.db;
    const headers = { authorization: `Bearer ${await e2e.tokenFor(STAFF)}` };
    const post = async (url: string, payload: Record<string, unknown>) => {
      const res = await app.inject({ method: 'POST', url, headers, payload });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const day = async (offset: number) => {
      const { rows } = await sql<{ d: string }>`SELECT (current_date + ${offset}::int)::text AS d`.execute(db);
      return rows[0].d;
    };
    const body = (name: string, nameLatin: string, governorate: string) =>
      post('/api/contacts', { kind: 'organization', subtype: 'government_body', name, nameLatin, governorates: [governorate] });
    const person = (name: string, gender: string, governorate: string) =>
      post('/api/contacts', { kind: 'government_focal_point', name, gender, governorates: [governorate] });

    id.women = await body('مديرية شؤون المرأة في بغداد', "Baghdad Women's Affairs Directorate", 'IQ-BG');
    id.council = await body('مجلس محافظة بغداد', 'Baghdad Provincial Council', 'IQ-BG');
    id.youth = await body('مديرية شباب البصرة', 'Basrah Youth Directorate', 'IQ-BA');
    id.health = await body('دائرة صحة البصرة', 'Basrah Health Directorate', 'IQ-BA');
    id.education = await body('مديرية تربية نينوى', 'Ninewa Education Directorate', 'IQ-NI');
    id.sara = await person('سارة علي الموسوي', 'female', 'IQ-BG');
    id.ali = await person('علي حسن الربيعي', 'male', 'IQ-BG');
    id.huda = await person('هدى كريم السعدي', 'female', 'IQ-BA');
    id.karim = await person('كريم جواد الحلفي', 'male', 'IQ-BA');
    id.noor = await post('/api/contacts', { kind: 'activist', name: 'نور عادل', gender: 'female', governorates: ['IQ-BG'] });

    const position = (personId: string, organizationId: string, title: string, startDate: string, endDate?: string) =>
      post('/api/positions', { personId, organizationId, title, isFocalPoint: true, startDate, endDate });
    await position(id.sara, id.women, 'مديرة', '2025-03-01');
    await position(id.ali, id.council, 'عضو المجلس', '2024-01-01', await day(-30));
    await position(id.huda, id.youth, 'مسؤولة الإعلام', '2024-06-01');
    await position(id.karim, id.health, 'مدير', '2025-01-01');

    const interaction = async (kind: string, occurredOn: string, contactIds: string[]) =>
      post('/api/interactions', { kind, occurredOn, summary: 'متابعة الشراكة', contactIds });
    await interaction('meeting', await day(-10), [id.sara]);
    await interaction('meeting', await day(-60), [id.ali]);
    await interaction('call', await day(-120), [id.huda]);

    const startsAt = `${await day(-20)}T09:00:00Z`;
    const event = await db
      .insertInto('event')
      .values({
        title: 'جلسة حوارية عن مشاركة المرأة',
        type: 'workshop',
        starts_at: startsAt,
        ends_at: startsAt,
        governorate_code: 'IQ-BG',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [contactId, status] of [
      [id.sara, 'attended'],
      [id.noor, 'attended'],
      [id.karim, 'declined'],
    ] as const) {
      await db.insertInto('invitation').values({ event_id: event.id, contact_id: contactId, status }).execute();
    }

    await e2e.signIn(VIEWER);
  });

  afterAll(async () => {
    await e2e?.close();
  });

  const shot = (name: string) => page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
  const rows = () => page.locator('table.partnerships-table tbody tr');
  const statusOf = (bodyId: string) => page.locator(`table.partnerships-table tr[data-body="${bodyId}"]`).getAttribute('data-status');
  const tile = (code: string) => page.locator(`.governorate-map [data-governorate="${code}"]`);

  it('shows each body with its status, the totals and the map in Arabic, and filters by a map click', async () => {
    await page.goto(`${baseUrl}/partnerships`);
    await rows().first().waitFor();
    expect(await rows().count()).toBe(5);
    expect(await statusOf(id.women)).toBe('active');
    expect(await statusOf(id.council)).toBe('vacant');
    expect(await statusOf(id.youth)).toBe('cooling');
    expect(await statusOf(id.health)).toBe('dormant');
    expect(await statusOf(id.education)).toBe('vacant');

    const women = page.locator(`tr[data-body="${id.women}"]`);
    expect(await women.textContent()).toContain('نشطة');
    expect(await women.getByRole('link', { name: 'سارة علي الموسوي' }).getAttribute('href')).toBe(`/contacts/${id.sara}`);
    expect(await women.getByRole('link', { name: 'مديرية شؤون المرأة في بغداد' }).getAttribute('href')).toBe(`/contacts/${id.women}`);
    expect(await page.locator(`tr[data-body="${id.council}"]`).textContent()).toContain('لا نقطة اتصال حالية');
    expect(await page.locator('.status-total[data-status="vacant"] .status-total-count').textContent()).toBe('2');
    expect(await page.locator('.status-total[data-status="active"] .status-total-count').textContent()).toBe('1');

    const baghdad = await tile('IQ-BG').getAttribute('aria-label');
    expect(baghdad).toContain('بغداد');
    expect(baghdad).toContain('الجهات الحكومية: 2');
    expect(baghdad).toContain('الشراكات النشطة: 1');
    expect(baghdad).toContain('الفعاليات في الفترة: 1');
    expect(await tile('IQ-NI').getAttribute('aria-label')).toContain('لا نقطة اتصال حكومية');
    expect(await tile('IQ-BA').getAttribute('aria-label')).not.toContain('لا نقطة اتصال حكومية');
    expect((await tile('IQ-BG').locator('.tile-value').textContent())?.trim()).toBe('1');

    // Geography does not mirror in Arabic: Anbar (west) stays left of Basrah (east).
    const anbarBox = await tile('IQ-AN').boundingBox();
    const basrahBox = await tile('IQ-BA').boundingBox();
    expect(anbarBox!.x).toBeLessThan(basrahBox!.x);
    await shot('40-partnerships-ar');

    await tile('IQ-BA').click();
    await page.waitForURL(/governorate=IQ-BA/);
    await expect.poll(() => rows().count()).toBe(2);
    expect(await statusOf(id.youth)).toBe('cooling');
    expect(await tile('IQ-BA').getAttribute('aria-pressed')).toBe('true');

    await tile('IQ-BA').click();
    await page.waitForURL((url) => !url.search.includes('governorate'));
    await expect.poll(() => rows().count()).toBe(5);

    await page.locator('.status-total[data-status="vacant"]').click();
    await page.waitForURL(/status=vacant/);
    await expect.poll(() => rows().count()).toBe(2);
    await page.locator('.status-total[data-status="vacant"]').click();
    await expect.poll(() => rows().count()).toBe(5);

    await page.locator('input[name="q"]').fill('البصره');
    await page.waitForURL(/q=/);
    await expect.poll(() => rows().count()).toBe(2);
    await page.locator('input[name="q"]').fill('');
    await page.waitForURL((url) => !url.search.includes('q='));
    await expect.poll(() => rows().count()).toBe(5);

    // Worst first: sorting by status puts the vacant bodies on top.
    await page.locator('table.partnerships-table th').filter({ hasText: 'الحالة' }).getByRole('button').click();
    await page.waitForURL(/sort=status/);
    await expect.poll(() => rows().first().getAttribute('data-status')).toBe('vacant');
    expect(await rows().last().getAttribute('data-status')).toBe('active');

    // Three months leave out the call of 120 days ago but keep the meeting of 10 days ago.
    await page.getByRole('button', { name: 'آخر 3 أشهر' }).click();
    await page.waitForURL(/from=/);
    await expect.poll(() => page.locator(`tr[data-body="${id.youth}"] td`).nth(5).textContent()).toBe('0');
    expect(await page.locator(`tr[data-body="${id.women}"] td`).nth(5).textContent()).toBe('1');
    expect(await statusOf(id.youth)).toBe('cooling');
    await page.goto(`${baseUrl}/partnerships`);
    await rows().first().waitFor();
  });

  it('exports the table as CSV with the current filters', async () => {
    const href = await page.locator('a[data-export="csv"]').getAttribute('href');
    expect(href).toContain('format=csv');
    const res = await page.request.get(`${baseUrl}${href}`);
    expect(res.status()).toBe(200);
    const text = await res.text();
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('مديرية شؤون المرأة في بغداد');
    const audit = await database.db.selectFrom('audit_log').select(['action']).where('entity_type', '=', 'partnership').execute();
    expect(audit.map((row) => row.action)).toEqual(['export']);
  });

  it('reads in English, with the same geography and the figures in the tooltip', async () => {
    await page.getByRole('combobox', { name: 'لغة الواجهة' }).selectOption('en');
    await page.getByRole('heading', { level: 1, name: 'Government partnerships' }).waitFor();
    expect(await page.locator(`tr[data-body="${id.youth}"]`).textContent()).toContain('Cooling');
    const baghdad = await tile('IQ-BG').getAttribute('aria-label');
    expect(baghdad).toContain('Baghdad');
    expect(baghdad).toContain('Active partnerships: 1');
    const anbarBox = await tile('IQ-AN').boundingBox();
    const basrahBox = await tile('IQ-BA').boundingBox();
    expect(anbarBox!.x).toBeLessThan(basrahBox!.x);
    await shot('41-partnerships-en');

    const map = page.locator('.governorate-map');
    await map.locator('select[name="mapMeasure"]').selectOption('days');
    await map.scrollIntoViewIfNeeded();
    await tile('IQ-BA').hover();
    const tooltip = page.locator('.map-tooltip');
    await tooltip.waitFor();
    expect(await tooltip.textContent()).toContain('Basrah');
    expect(await tooltip.textContent()).toContain('120 days ago');
    // A page screenshot clipped to the map: an element screenshot would scroll and lose the hover.
    const box = (await map.boundingBox())!;
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, '42-map-en.png'), clip: box });
  });

  it('shows the dashboard figures, each linking to the list behind it', async () => {
    await page.goto(`${baseUrl}/dashboard`);
    const contacts = page.locator('[data-kpi="contacts"] .kpi-value');
    await contacts.waitFor();
    expect(await contacts.textContent()).toBe('10');
    expect(await page.locator('[data-kpi="events"] .kpi-value').textContent()).toBe('1');
    expect(await page.locator('[data-kpi="attended"] .kpi-value').textContent()).toBe('2');
    const focalBar = page.locator('[data-chart="by-kind"] [data-key="government_focal_point"]');
    expect(await focalBar.getAttribute('data-value')).toBe('4');
    expect(await focalBar.getAttribute('href')).toBe('/contacts?kind=government_focal_point');
    const bySex = page.locator('[data-chart="participants-by-gender"] [data-key="female"]');
    expect(await bySex.getAttribute('data-value')).toBe('2');
    const eventsHref = await page.locator('[data-kpi="events"]').getAttribute('href');
    expect(eventsHref).toMatch(/^\/events\?from=\d{4}-\d{2}-01&to=\d{4}-\d{2}-\d{2}$/);
    expect(await page.locator('[data-kpi="overdue"]').getAttribute('href')).toBe('/follow-ups?all=1&overdue=1');
    await shot('43-dashboard');

    await page.locator('.kind-matrix summary').click();
    const basraFocal = page.locator('.kind-matrix a[href="/contacts?kind=government_focal_point&governorate=IQ-BA"]');
    expect(await basraFocal.textContent()).toBe('2');

    await page.locator('select[name="governorate"]').selectOption('IQ-BA');
    await page.waitForURL(/governorate=IQ-BA/);
    await expect.poll(() => contacts.textContent()).toBe('4');
    expect(await page.locator('[data-chart="by-kind"] [data-key="organization"]').getAttribute('href')).toBe(
      '/contacts?kind=organization&governorate=IQ-BA',
    );
    await page.locator('select[name="governorate"]').selectOption('');
    await expect.poll(() => contacts.textContent()).toBe('10');

    // Charts follow the reading direction in Arabic: bars grow from the right.
    await page.getByRole('combobox', { name: 'Interface language' }).selectOption('ar');
    await page.getByRole('heading', { level: 1, name: 'لوحة البرنامج' }).waitFor();
    await shot('46-dashboard-ar');
    await page.getByRole('combobox', { name: 'لغة الواجهة' }).selectOption('en');
    await page.getByRole('heading', { level: 1, name: 'Programme dashboard' }).waitFor();

    await focalBar.click();
    await page.waitForURL(/\/contacts\?kind=government_focal_point$/);
    await expect.poll(() => page.locator('table.contacts-table tbody tr').count()).toBe(4);
  });

  it('prints the monthly report with its date, period and totals', async () => {
    await page.goto(`${baseUrl}/partnerships/report`);
    await page.locator('table.partnerships-table tbody tr').first().waitFor();
    expect(await page.locator('table.partnerships-table tbody tr').count()).toBe(5);
    expect(await page.locator('[data-report="date"]').textContent()).toContain('Report date');
    expect(await page.locator('[data-report="period"]').textContent()).toContain('Period');
    expect(await page.locator('tr[data-governorate="IQ-BG"]').textContent()).toContain('Baghdad');

    await page.getByRole('combobox', { name: 'Interface language' }).selectOption('ar');
    await page.getByRole('heading', { name: 'التقرير الشهري للشراكات الحكومية' }).waitFor();
    expect(await page.locator('article.report').getAttribute('dir')).toBe('rtl');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.report-toolbar').isVisible()).toBe(false);
    await shot('44-report');
    await page.pdf({ path: path.join(SCREENSHOT_DIR, '44-report.pdf'), format: 'A4', printBackground: true });
    await page.emulateMedia({ media: 'screen' });
  });

  it('lets an administrator change the thresholds, which changes the statuses', async () => {
    await page.context().clearCookies();
    await e2e.signIn(ADMIN);
    await page.goto(`${baseUrl}/partnerships`);
    await rows().first().waitFor();
    expect(await statusOf(id.women)).toBe('active');
    await page.getByRole('button', { name: 'تعديل حدود الحالة' }).click();
    const dialog = page.locator('dialog[open]');
    await expect.poll(() => dialog.locator('input[name="activeDays"]').inputValue()).toBe('90');
    await dialog.locator('input[name="activeDays"]').fill('200');
    await dialog.locator('button[type="submit"]').click();
    await dialog.getByText('يجب أن يكون أكبر من حد «نشطة»').waitFor();
    await dialog.locator('input[name="activeDays"]').fill('5');
    await dialog.locator('button[type="submit"]').click();
    await expect.poll(() => statusOf(id.women)).toBe('cooling');
    expect(await statusOf(id.youth)).toBe('cooling');
    const stored = await database.db.selectFrom('audit_log').select(['action']).where('entity_type', '=', 'settings').execute();
    expect(stored.map((row) => row.action)).toContain('update');

    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await rows().first().waitFor();
    await shot('45-partnerships-phone');
    await page.setViewportSize({ width: 1280, height: 860 });
  });

  it('follows an overdue-by-governorate bar to exactly the follow-ups it counts', async () => {
    // Created last so the partnership figures above stay as described.
    const headers = { authorization: `Bearer ${await e2e.tokenFor(STAFF)}` };
    const post = async (url: string, payload: Record<string, unknown>) => {
      const res = await app.inject({ method: 'POST', url, headers, payload });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const { rows } = await sql<{ before: string; today: string }>`
      SELECT (current_date - 3)::text AS before, current_date::text AS today`.execute(database.db);
    const { before, today } = rows[0];
    const basraVolunteer = await post('/api/contacts', { kind: 'activist', name: 'رنا فاضل', governorates: ['IQ-BA'] });
    const followUp = (summary: string, contactIds: string[], followUpOn: string, followUpDone = false) =>
      post('/api/interactions', { kind: 'call', occurredOn: before, summary, contactIds, followUpOn, followUpDone });
    await followUp('متأخرة في البصرة', [basraVolunteer], before);
    await followUp('مستحقة اليوم في البصرة', [basraVolunteer], today);
    await followUp('أنجزت في البصرة', [basraVolunteer], before, true);
    await followUp('متأخرة في بغداد', [id.noor], before);

    await page.goto(`${baseUrl}/dashboard`);
    await expect.poll(() => page.locator('[data-kpi="overdue"] .kpi-value').textContent()).toBe('2');
    const basraBar = page.locator('[data-chart="overdue-by-governorate"] [data-key="IQ-BA"]');
    expect(await basraBar.getAttribute('href')).toBe('/follow-ups?all=1&overdue=1&governorate=IQ-BA');
    await basraBar.click();
    await page.waitForURL(/\/follow-ups\?all=1&overdue=1&governorate=IQ-BA$/);
    const listed = page.locator('ol.follow-ups > li');
    await expect.poll(() => listed.count()).toBe(1);
    expect(await listed.first().textContent()).toContain('متأخرة في البصرة');
    expect(await page.locator('select[name="governorate"]').inputValue()).toBe('IQ-BA');
    expect(await page.locator('input[name="overdue"]').isChecked()).toBe(true);
    await shot('46-follow-ups-overdue-basra');

    await page.locator('input[name="overdue"]').uncheck();
    await page.waitForURL(/\/follow-ups\?all=1&governorate=IQ-BA$/);
    await expect.poll(() => listed.count()).toBe(2);
    await page.locator('select[name="governorate"]').selectOption('');
    await page.waitForURL(/\/follow-ups\?all=1$/);
    await expect.poll(() => listed.count()).toBe(3);
  });
});
