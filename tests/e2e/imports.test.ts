import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/src/db/database.js';
import { HAS_CHROMIUM, SCREENSHOT_DIR, SKIP_MESSAGE } from '../helpers/browser.js';
import { startE2eApp, type E2eApp } from '../helpers/e2e-app.js';

if (!HAS_CHROMIUM) console.log(SKIP_MESSAGE);

const EMAIL = 'coordinator@imports.example.org';

/**
 * A sheet as people keep them: Arabic headers, the phone under a header nobody guesses ("رقم التواصل"),
 * a blank line, one row with an unknown governorate and a broken email, one row that spells an existing
 * contact's name another way in another governorate (a possible duplicate), and one whose phone is already known.
 */
const SHEET = [
  ['الاسم', 'المحافظة', 'رقم التواصل', 'البريد الالكتروني', 'الجنس', 'ملاحظات'],
  ['حسين علي الموسوي', 'بغداد', '07701234001', 'hussein@example.org', 'ذكر', 'ناشط شبابي'],
  ['مريم جاسم الخفاجي', 'النجف', '٠٧٧٢١٢٣٤٠٠٢', '', 'أنثى', ''],
  ['ايناس عبد المحسن', 'بغداد', '', '', 'أنثى', ''],
  ['', '', '', '', '', ''],
  ['فاطمة حسن', 'مدينة مجهولة', '', 'not-an-email', '', ''],
  ['علي حسن', 'الأنبار', '0780 111 2222', '', 'ذكر', ''],
]
  .map((row) => row.join(','))
  .join('\r\n');

describe.runIf(HAS_CHROMIUM)('import, duplicates and merge in a real browser', () => {
  let database: Database;
  let app: FastifyInstance;
  let e2e: E2eApp;
  let page: Page;
  let baseUrl: string;
  let token: string;
  let inasId: string;
  let saraId: string;
  let sarahId: string;

  const api = async (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: Record<string, unknown>) => {
    const res = await app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, payload });
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json();
  };

  beforeAll(async () => {
    e2e = await startE2eApp([{ email: EMAIL, name: 'منسقة الاستيراد', role: 'coordinator' }]);
    ({ database, app, page, baseUrl } = e2e);
    token = await e2e.tokenFor(EMAIL);

    inasId = (await api('POST', '/api/contacts', { kind: 'activist', name: 'إيناس عبدالمحسن', governorates: ['IQ-BA'] })).id;
    await api('POST', '/api/contacts', { kind: 'activist', name: 'علي حسن', governorates: ['IQ-AN'], phones: ['07801112222'] });
    // A pair already in the directory: one person entered twice, the same phone, the name spelled two ways.
    saraId = (
      await api('POST', '/api/contacts', { kind: 'activist', name: 'سارة محمود', governorates: ['IQ-NA'], phones: ['07715556666'] })
    ).id;
    sarahId = (
      await api('POST', '/api/contacts', {
        kind: 'activist',
        name: 'ساره محمود العلي',
        nameLatin: 'Sarah Mahmoud',
        governorates: ['IQ-NA'],
        phones: ['+964 771 555 6666'],
        emails: ['sarah@example.org'],
      })
    ).id;
    await api('POST', '/api/interactions', { kind: 'meeting', occurredOn: '2026-10-01', summary: 'لقاء تعريفي', contactIds: [saraId] });

    await e2e.signIn(EMAIL);
  });

  afterAll(async () => {
    await e2e?.close();
  });

  const shot = (name: string) => page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
  const download = async (start: () => Promise<void>) => {
    const [file] = await Promise.all([page.waitForEvent('download'), start()]);
    return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
  };
  const chipCount = (outcome: string) => page.locator(`.chips [data-outcome="${outcome}"] .chip-count`).textContent();

  it('uploads a messy CSV, maps the unguessed phone column, previews, decides, runs and reports', async () => {
    await page.goto(`${baseUrl}/import`);
    await page.getByRole('heading', { name: 'استيراد جهات الاتصال' }).waitFor();
    await page.setInputFiles('input[type="file"]', {
      name: 'جهات-المحافظات.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('\uFEFF' + SHEET, 'utf8'),
    });

    await page.waitForURL(/\/import\?id=/);
    const phoneColumn = page.locator('select[name="mapping-2"]');
    await phoneColumn.waitFor();
    // Guessed from the Arabic headers; "رقم التواصل" is not, and is mapped by hand.
    expect(await page.locator('select[name="mapping-0"]').inputValue()).toBe('name');
    expect(await page.locator('select[name="mapping-1"]').inputValue()).toBe('governorates');
    expect(await phoneColumn.inputValue()).toBe('ignore');
    await phoneColumn.selectOption('phones');
    await page.getByText('مريم جاسم الخفاجي').first().waitFor();
    await shot('30-import-mapping');

    await page.getByRole('button', { name: 'معاينة النتيجة' }).click();
    await page.locator('.chips').waitFor();
    expect(await chipCount('create')).toBe('2');
    expect(await chipCount('update')).toBe('1');
    expect(await chipCount('duplicate')).toBe('1');
    expect(await chipCount('invalid')).toBe('1');
    expect(await chipCount('blank')).toBe('1');

    const invalidRow = page.locator('tr[data-row="6"]');
    await invalidRow.getByText('محافظة غير معروفة').waitFor();
    await invalidRow.getByText('بريد إلكتروني غير صالح').waitFor();
    const duplicateRow = page.locator('tr[data-row="4"]');
    await duplicateRow.getByRole('link', { name: 'إيناس عبدالمحسن' }).waitFor();
    await duplicateRow.getByText('نفس الاسم').waitFor();
    // Possible duplicates are skipped unless someone decides: this one is merged into its match.
    await duplicateRow.locator('select').selectOption(`merge:${inasId}`);
    await page.getByTestId('import-plan').getByText('إنشاء 2 · دمج 2 · تخطٍّ 1').waitFor();

    await page.locator('.chips [data-outcome="invalid"]').click();
    await expect.poll(() => page.locator('table.import-rows tbody tr').count()).toBe(1);
    await page.locator('.chips button').first().click();
    await expect.poll(() => page.locator('table.import-rows tbody tr').count()).toBe(5);
    await shot('31-import-preview');

    await page.getByRole('button', { name: 'تنفيذ الاستيراد' }).click();
    await page.locator('dialog[open]').getByRole('button', { name: 'تنفيذ' }).click();
    const result = page.getByTestId('import-result');
    await result.waitFor();
    expect(await result.locator('[data-result="created"] dd').textContent()).toBe('2');
    expect(await result.locator('[data-result="updated"] dd').textContent()).toBe('2');
    expect(await result.locator('[data-result="failed"] dd').textContent()).toBe('0');
    await page.getByTestId('report-rows').getByRole('link', { name: 'حسين علي الموسوي' }).waitFor();
    await shot('32-import-report');
    const report = await download(() => page.getByRole('button', { name: 'CSV', exact: true }).click());
    expect(report.name).toMatch(/\.csv$/);
    expect(report.text).toContain('حسين علي الموسوي');

    const importId = new URL(page.url()).searchParams.get('id');
    const batch = await api('GET', `/api/imports/${importId}`);
    expect(batch).toMatchObject({ status: 'committed', result: { created: 2, updated: 2, failed: 0 } });
    const hussein = await database.db
      .selectFrom('contact')
      .select(['phones', 'emails', 'gender'])
      .where('name', '=', 'حسين علي الموسوي')
      .executeTakeFirstOrThrow();
    expect(hussein).toEqual({ phones: ['+9647701234001'], emails: ['hussein@example.org'], gender: 'male' });
    const inas = await api('GET', `/api/contacts/${inasId}`);
    expect(inas.governorates).toEqual(expect.arrayContaining(['IQ-BA', 'IQ-BG']));
    expect(await database.db.selectFrom('contact').select('id').where('name', '=', 'فاطمة حسن').executeTakeFirst()).toBeUndefined();

    await page.getByRole('link', { name: 'فتح الدليل' }).click();
    await page.waitForURL(/\/contacts$/);
    await page.getByRole('link', { name: 'حسين علي الموسوي' }).waitFor();
    await page.getByRole('link', { name: 'مريم جاسم الخفاجي' }).waitFor();

    // The list's export holds every contact the filters match, with the UTF-8 BOM Excel needs, and is audited.
    await page.locator('#contacts-governorates-summary').click();
    await page.locator('input[name="governorate"][value="IQ-BG"]').check();
    await page.waitForURL(/governorate=IQ-BG/);
    const exported = await download(() => page.getByRole('button', { name: 'تصدير CSV' }).click());
    expect(exported.name).toMatch(/-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(exported.text.startsWith('\uFEFF')).toBe(true);
    expect(exported.text).toContain('حسين علي الموسوي');
    expect(exported.text).not.toContain('مريم جاسم الخفاجي');
    const audit = await database.db.selectFrom('audit_log').select('details').where('action', '=', 'export').execute();
    expect(audit.length).toBeGreaterThan(0);
  });

  it('lists the duplicate pair with its reasons and merges it field by field into the survivor', async () => {
    await page.goto(`${baseUrl}/duplicates`);
    const pair = page.locator(`tr[data-pair*="${saraId}"][data-pair*="${sarahId}"]`);
    await pair.waitFor();
    await pair.getByText('نفس رقم الهاتف').waitFor();
    await shot('33-duplicates');

    await pair.getByRole('link', { name: 'دمج…' }).click();
    await page.waitForURL(/\/duplicates\/merge\?ids=/);
    // The older record is proposed to stay; the newer, fuller one is chosen instead, with the older one's name.
    expect(await page.locator(`input[name="survivor"][value="${saraId}"]`).isChecked()).toBe(true);
    await page.getByText('التفاعلات: 0').waitFor();
    await page.locator(`input[name="survivor"][value="${sarahId}"]`).check();
    await page.getByText('التفاعلات: 1').waitFor();
    await page.locator(`input[name="field-name"][value="${saraId}"]`).check();
    await shot('34-merge');

    // Someone edits one of them meanwhile: the merge is refused as stale and the page offers a reload.
    const current = await api('GET', `/api/contacts/${saraId}`);
    await api('PATCH', `/api/contacts/${saraId}`, { version: current.version, tags: ['edited meanwhile'] });
    const mergeButton = page.getByRole('button', { name: 'دمج', exact: true });
    await mergeButton.click();
    await page.locator('dialog[open]').getByRole('button', { name: 'دمج', exact: true }).click();
    const stale = page.locator('[role="alert"]').filter({ hasText: 'تغيّرت إحدى الجهات' });
    await stale.waitFor();
    await stale.getByRole('button', { name: 'إعادة التحميل' }).click();
    await page.getByText('edited meanwhile').waitFor();

    await page.locator(`input[name="survivor"][value="${sarahId}"]`).check();
    await page.locator(`input[name="field-name"][value="${saraId}"]`).check();
    await mergeButton.click();
    await page.locator('dialog[open]').getByRole('button', { name: 'دمج', exact: true }).click();
    await page.waitForURL(new RegExp(`/contacts/${sarahId}$`));
    await page.getByRole('heading', { name: 'سارة محمود' }).waitFor();
    await page.locator('.flash').getByText('دُمجت الجهات').waitFor();

    const survivor = await api('GET', `/api/contacts/${sarahId}`);
    expect(survivor).toMatchObject({
      name: 'سارة محمود',
      nameLatin: 'Sarah Mahmoud',
      phones: ['+9647715556666'],
      emails: ['sarah@example.org'],
      tags: ['edited meanwhile'],
    });
    const gone = await app.inject({ method: 'GET', url: `/api/contacts/${saraId}`, headers: { authorization: `Bearer ${token}` } });
    expect(gone.statusCode).toBe(404);
    const participants = await database.db.selectFrom('interaction_participant').select('contact_id').execute();
    expect(participants).toEqual([{ contact_id: sarahId }]);
  });

  it('warns before saving a new contact that looks like an existing one, saves it when told to, then dismisses the pair', async () => {
    await page.goto(`${baseUrl}/contacts/new`);
    await page.fill('input[name="name"]', 'مريم جاسم الخفاجى');
    await page.check('input[name="governorates"][value="IQ-NA"]');
    const warning = page.getByTestId('duplicate-warning');
    await warning.getByRole('link', { name: 'مريم جاسم الخفاجي' }).waitFor();
    await page.click('button[type="submit"]');
    await warning.getByRole('button', { name: 'ليست أيًّا منها، احفظ على أي حال' }).waitFor();
    expect(page.url()).toMatch(/\/contacts\/new$/);
    await shot('35-duplicate-warning');
    await warning.getByRole('button', { name: 'ليست أيًّا منها، احفظ على أي حال' }).click();
    await page.waitForURL(/\/contacts\/[0-9a-f-]{36}$/);
    const named = await database.db.selectFrom('contact').select('id').where('name', 'like', 'مريم جاسم الخفاج%').execute();
    expect(named).toHaveLength(2);

    // Two people of the same name: the pair is listed once, then marked "not a duplicate" and never proposed again.
    await page.goto(`${baseUrl}/duplicates`);
    const pair = page.locator(`tr[data-pair*="${named[0].id}"][data-pair*="${named[1].id}"]`);
    await pair.getByRole('button', { name: 'ليست تكرارًا' }).click();
    await page.locator('.flash').getByText('لن يُقترح هذا الزوج مرة أخرى.').waitFor();
    await expect.poll(() => pair.count()).toBe(0);
    expect(await database.db.selectFrom('duplicate_dismissal').select('contact_a').execute()).toHaveLength(1);
  });

  it('refuses an unsupported file clearly, and undoes an import only while its contacts are unchanged', async () => {
    await page.goto(`${baseUrl}/import`);
    await page.setInputFiles('input[type="file"]', {
      name: 'old.xls',
      mimeType: 'application/vnd.ms-excel',
      buffer: Buffer.from('not a sheet'),
    });
    await page.locator('[role="alert"]').getByText('صيغة الملف غير مدعومة').waitFor();
    await page.setInputFiles('input[type="file"]', {
      name: 'huge.csv',
      mimeType: 'text/csv',
      buffer: Buffer.alloc(10 * 1024 * 1024 + 1, 'a'),
    });
    await page.locator('[role="alert"]').getByText('الملف أكبر من 10 ميغابايت').waitFor();

    const runImport = async (name: string) => {
      await page.goto(`${baseUrl}/import`);
      await page.setInputFiles('input[type="file"]', {
        name: 'one.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(`Name,Governorate\r\n${name},Basra\r\n`),
      });
      await page.getByRole('button', { name: 'معاينة النتيجة' }).click();
      await page.getByRole('button', { name: 'تنفيذ الاستيراد' }).click();
      await page.locator('dialog[open]').getByRole('button', { name: 'تنفيذ' }).click();
      await page.getByTestId('import-result').waitFor();
      return database.db.selectFrom('contact').select(['id', 'version']).where('name', '=', name).executeTakeFirstOrThrow();
    };
    const undo = async () => {
      await page.getByRole('button', { name: 'التراجع عن هذا الاستيراد' }).click();
      await page.locator('dialog[open]').getByRole('button', { name: 'تراجع', exact: true }).click();
    };

    const changed = await runImport('زيد ناصر البصري');
    await api('PATCH', `/api/contacts/${changed.id}`, { version: changed.version, tags: ['edited'] });
    await undo();
    const refusal = page.locator('[role="alert"]').filter({ hasText: 'لا يمكن التراجع' });
    await refusal.waitFor();
    expect(await refusal.getByRole('link').getAttribute('href')).toBe(`/contacts/${changed.id}`);

    const kept = await runImport('هدى ناصر البصري');
    await undo();
    await page.getByText('تم التراجع عن الاستيراد: حُذفت 1 جهة وأُعيدت 0.').waitFor();
    expect(await database.db.selectFrom('contact').select('id').where('id', '=', kept.id).executeTakeFirst()).toBeUndefined();
  });

  it('reads on a phone, in English, left-to-right', async () => {
    const [first] = await database.db.selectFrom('import_batch').select('id').orderBy('created_at').limit(1).execute();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${baseUrl}/import?id=${first.id}`);
    await page.getByRole('combobox', { name: 'لغة الواجهة' }).selectOption('en');
    await expect.poll(() => page.getAttribute('html', 'dir')).toBe('ltr');
    await page.getByRole('heading', { name: 'Import report' }).waitFor();
    await page.getByTestId('report-rows').getByText('Created').first().waitFor();
    await shot('36-import-report-phone-en');
    await page.getByRole('combobox', { name: 'Interface language' }).selectOption('ar');
    await page.setViewportSize({ width: 1280, height: 860 });
  });
});
