import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/src/db/database.js';
import { HAS_CHROMIUM, SCREENSHOT_DIR, SKIP_MESSAGE } from '../helpers/browser.js';
import { startE2eApp, type E2eApp } from '../helpers/e2e-app.js';

if (!HAS_CHROMIUM) console.log(SKIP_MESSAGE);

const EMAIL = 'staff@events.example.org';
const TITLE = 'الجلسة الختامية للبرنامج';
const GREEN_TAG = 'العراق الأخضر';

describe.runIf(HAS_CHROMIUM)('events: build a list, statuses, groups, print and check-in', () => {
  let database: Database;
  let app: FastifyInstance;
  let e2e: E2eApp;
  let page: Page;
  let baseUrl: string;
  let eventId: string;
  let token: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    e2e = await startE2eApp([{ email: EMAIL, name: 'موظف الفعاليات', role: 'staff' }]);
    ({ database, app, page, baseUrl } = e2e);
    token = await e2e.tokenFor(EMAIL);
    const headers = { authorization: `Bearer ${token}` };
    const post = async (url: string, payload: Record<string, unknown>) => {
      const res = await app.inject({ method: 'POST', url, headers, payload });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const contact = (payload: Record<string, unknown>) => post('/api/contacts', payload);
    ids.zainab = await contact({ kind: 'activist', name: 'زينب حسن الموسوي', gender: 'female', governorates: ['IQ-BG'] });
    ids.ahmed = await contact({ kind: 'activist', name: 'أحمد كريم الساعدي', gender: 'male', governorates: ['IQ-BG'] });
    ids.amal = await contact({ kind: 'organization', subtype: 'local_ngo', name: 'منظمة الأمل للتنمية', governorates: ['IQ-BG'] });
    ids.noor = await contact({
      kind: 'activist',
      name: 'نور عبد الله الدليمي',
      gender: 'female',
      governorates: ['IQ-AN'],
      tags: [GREEN_TAG],
    });
    ids.haider = await contact({ kind: 'activist', name: 'حيدر جواد الكعبي', gender: 'male', governorates: ['IQ-NA'], tags: [GREEN_TAG] });
    ids.huda = await contact({
      kind: 'activist',
      name: 'هدى سامي العاني',
      gender: 'female',
      governorates: ['IQ-AN'],
      tags: [GREEN_TAG],
      sensitivity: 'restricted',
      phones: ['07701234567'],
    });
    ids.maryam = await contact({ kind: 'government_focal_point', name: 'مريم عادل التميمي', gender: 'female', governorates: ['IQ-BA'] });
    await post('/api/positions', { personId: ids.ahmed, organizationId: ids.amal, title: 'منسق المشاريع' });

    await e2e.signIn(EMAIL);
  });

  afterAll(async () => {
    await e2e?.close();
  });

  const shot = (name: string) => page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
  const invitations = () =>
    database.db
      .selectFrom('invitation')
      .select(['contact_id', 'representative_id', 'status', 'group_id', 'walk_in'])
      .where('event_id', '=', eventId)
      .execute();
  const statusOf = async (contactId: string) => (await invitations()).find((i) => i.contact_id === contactId)?.status;
  const quota = (key: string) => page.locator(`[data-quota="${key}"]`);

  it('creates an event with a target mix from the form', async () => {
    await page.goto(`${baseUrl}/events`);
    await page.getByText('لا توجد فعاليات بعد.').waitFor();
    await page.getByRole('link', { name: 'فعالية جديدة' }).first().click();
    await page.waitForURL(/\/events\/new$/);
    await page.fill('input[name="title"]', TITLE);
    await page.selectOption('select[name="type"]', 'closing_session');
    await page.fill('input[name="startsAt"]', '2031-03-10T09:00');
    await page.fill('input[name="endsAt"]', '2031-03-10T15:00');
    await page.selectOption('select[name="governorate"]', 'IQ-BG');
    await page.fill('input[name="venue"]', 'فندق بابل');
    await page.fill('input[name="capacity"]', '5');

    await page.getByRole('button', { name: 'إضافة حصة' }).click();
    const first = page.locator('[data-quota-row="0"]');
    await first.locator('select[name="quotaValue"]').selectOption('IQ-BG');
    await first.locator('input[name="quotaMin"]').fill('2');
    await page.getByRole('button', { name: 'إضافة حصة' }).click();
    const second = page.locator('[data-quota-row="1"]');
    await second.locator('select[name="quotaDimension"]').selectOption('gender');
    await second.locator('select[name="quotaValue"]').selectOption('female');
    await second.locator('input[name="quotaShare"]').fill('50');
    await shot('26-event-form');
    await page.getByRole('button', { name: 'إنشاء الفعالية' }).click();

    await page.waitForURL(/\/events\/[0-9a-f-]{36}$/);
    eventId = page.url().split('/').pop()!;
    await page.getByRole('heading', { name: TITLE }).waitFor();
    const event = await database.db
      .selectFrom('event')
      .select(['starts_at', 'capacity'])
      .where('id', '=', eventId)
      .executeTakeFirstOrThrow();
    expect(new Date(event.starts_at).getTime()).toBe(new Date('2031-03-10T09:00').getTime());
    expect(event.capacity).toBe(5);
    const stored = await database.db.selectFrom('event_quota').selectAll().where('event_id', '=', eventId).orderBy('dimension').execute();
    expect(stored.map((q) => [q.dimension, q.value])).toEqual([
      ['gender', 'female'],
      ['governorate', 'IQ-BG'],
    ]);
    expect(await quota('governorate:IQ-BG').getAttribute('data-state')).toBe('short');
  });

  it('adds by search, an organisation with its representative, and a filter; the quotas follow', async () => {
    const addOne = page.getByTestId('add-one');
    await page.fill('#add-contact', 'زينب الموسوي');
    await addOne.getByRole('option').filter({ hasText: 'زينب حسن الموسوي' }).first().click();
    await addOne.getByRole('button', { name: 'إضافة إلى القائمة' }).click();
    await page.locator(`tr:has(a[href="/contacts/${ids.zainab}"])`).waitFor();
    await expect.poll(() => quota('governorate:IQ-BG').locator('strong').textContent()).toBe('1');

    await page.fill('#add-contact', 'منظمة الأمل');
    await addOne.getByRole('option').filter({ hasText: 'منظمة الأمل للتنمية' }).first().click();
    const representative = page.getByTestId('representative');
    await representative.getByText('أحمد كريم الساعدي').click();
    await addOne.getByRole('button', { name: 'إضافة إلى القائمة' }).click();
    await page.locator(`tr:has(a[href="/contacts/${ids.amal}"])`).waitFor();
    await expect.poll(() => quota('governorate:IQ-BG').getAttribute('data-state')).toBe('met');
    expect((await invitations()).find((i) => i.contact_id === ids.amal)?.representative_id).toBe(ids.ahmed);

    const byFilter = page.getByTestId('add-filter');
    await byFilter.locator('#filter-tags').fill(GREEN_TAG);
    await byFilter.getByRole('button', { name: 'إضافة المطابقين' }).click();
    await byFilter.getByText('أُضيف 3').waitFor();
    await expect.poll(async () => (await invitations()).length).toBe(5);
    // Women: Zainab, Noor, Huda of five (Ahmed represents the organisation) = 60% ≥ 50%.
    await expect.poll(() => quota('gender:female').getAttribute('data-state')).toBe('met');
    expect(await page.getByTestId('capacity').textContent()).toContain('5 من 5');
    await shot('20-event-list');
  });

  it('suggests a candidate with its reasons, and dismisses it', async () => {
    const panel = page.getByTestId('suggestions');
    await panel.getByRole('button', { name: 'اقترح مرشحين' }).click();
    const maryam = panel.locator(`[data-suggestion="${ids.maryam}"]`);
    await maryam.waitFor();
    expect(await maryam.textContent()).toContain('لم يُدعَ من قبل');
    await panel.screenshot({ path: path.join(SCREENSHOT_DIR, '27-event-suggestions.png') });
    await maryam.getByRole('button', { name: 'استبعاد' }).click();
    await maryam.waitFor({ state: 'detached' });
    const dismissed = await database.db
      .selectFrom('event_suggestion_dismissal')
      .select('contact_id')
      .where('event_id', '=', eventId)
      .execute();
    expect(dismissed.map((d) => d.contact_id)).toEqual([ids.maryam]);
  });

  it('asks before going over capacity, then adds anyway', async () => {
    const addOne = page.getByTestId('add-one');
    await page.fill('#add-contact', 'مريم التميمي');
    await addOne.getByRole('option').filter({ hasText: 'مريم عادل التميمي' }).first().click();
    await addOne.locator('#add-role').selectOption('government_guest');
    await addOne.getByRole('button', { name: 'إضافة إلى القائمة' }).click();
    const question = page.locator('dialog[open]').filter({ hasText: 'تجاوز السعة' });
    await question.waitFor();
    expect(await invitations()).toHaveLength(5);
    await question.getByRole('button', { name: 'أضف على أي حال' }).click();
    await page.locator(`tr:has(a[href="/contacts/${ids.maryam}"])`).waitFor();
    expect(await invitations()).toHaveLength(6);
    await page.getByTestId('capacity').getByText('تجاوز السعة بـ 1').waitFor();

    // Ahmed already attends (he represents the organisation): the search does not offer him again.
    await page.fill('#add-contact', 'أحمد الساعدي');
    await addOne.locator('.picker-message').filter({ hasText: 'لا نتائج' }).waitFor();
    expect(await addOne.locator('.picker-list [role="option"]').count()).toBe(0);
    await page.fill('#add-contact', '');
  });

  it('changes statuses in bulk and one by one, offering only valid moves', async () => {
    const table = page.getByTestId('invitations');
    await table.getByRole('checkbox', { name: 'تحديد الكل' }).check();
    await page.locator('#bulk-status').selectOption('invited');
    await page.getByTestId('bulk-bar').getByRole('button', { name: 'تطبيق' }).click();
    await expect.poll(async () => (await invitations()).every((i) => i.status === 'invited')).toBe(true);

    const zainabStatus = page.getByRole('combobox', { name: 'حالة زينب حسن الموسوي' });
    await expect.poll(() => zainabStatus.inputValue()).toBe('invited');
    const offered = await zainabStatus.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(offered.sort()).toEqual(['attended', 'cancelled', 'confirmed', 'declined', 'invited']);

    await table.getByRole('checkbox', { name: 'تحديد الكل' }).check();
    await page.locator('#bulk-status').selectOption('confirmed');
    await page.getByTestId('bulk-bar').getByRole('button', { name: 'تطبيق' }).click();
    await expect.poll(async () => (await invitations()).every((i) => i.status === 'confirmed')).toBe(true);

    const maryamStatus = page.getByRole('combobox', { name: 'حالة مريم عادل التميمي' });
    await expect.poll(() => maryamStatus.inputValue()).toBe('confirmed');
    await maryamStatus.selectOption('declined');
    await expect.poll(() => statusOf(ids.maryam)).toBe('declined');
    const replies = page.getByTestId('replies');
    await expect.poll(() => replies.textContent()).toMatch(/أكّدوا\s*5/);
    expect(await replies.textContent()).toMatch(/اعتذروا\s*1/);
    const history = await database.db.selectFrom('invitation_status_change').select('to_status').execute();
    expect(history.filter((h) => h.to_status === 'confirmed')).toHaveLength(6);
  });

  it('defines two groups, splits automatically and moves a person by hand', async () => {
    await page.getByRole('link', { name: 'مجموعات العمل' }).first().click();
    await page.waitForURL(/\/groups$/);
    for (const name of ['الدروس المستفادة', 'الخطط المستقبلية']) {
      await page.getByRole('button', { name: 'مجموعة جديدة' }).first().click();
      const dialog = page.locator('dialog[open]');
      await dialog.locator('input[name="groupName"]').fill(name);
      if (name === 'الدروس المستفادة') await dialog.locator('select[name="facilitator"]').selectOption({ label: 'زينب حسن الموسوي' });
      await dialog.getByRole('button', { name: 'حفظ' }).click();
      await page.locator(`[data-group="${name}"]`).waitFor();
    }
    await page.getByRole('button', { name: 'توزيع تلقائي' }).click();
    await page.getByTestId('split-result').waitFor();
    const rows = await invitations();
    const assigned = rows.filter((i) => i.status === 'confirmed' && i.group_id);
    expect(assigned).toHaveLength(5);
    const perGroup = new Map<string, number>();
    for (const i of assigned) perGroup.set(i.group_id!, (perGroup.get(i.group_id!) ?? 0) + 1);
    const sizes = [...perGroup.values()];
    expect(sizes).toHaveLength(2);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    await expect.poll(() => page.locator('[data-group="unassigned"] li').count()).toBe(0);
    await shot('21-event-groups');

    const noorGroup = rows.find((i) => i.contact_id === ids.noor)!.group_id;
    const other = await database.db
      .selectFrom('event_group')
      .select(['id', 'name'])
      .where('event_id', '=', eventId)
      .where('id', '!=', noorGroup!)
      .executeTakeFirstOrThrow();
    await page.getByRole('combobox', { name: 'نقل نور عبد الله الدليمي إلى مجموعة' }).selectOption(other.id);
    await expect.poll(async () => (await invitations()).find((i) => i.contact_id === ids.noor)?.group_id).toBe(other.id);
    await page.locator(`[data-group="${other.name}"]`).getByRole('link', { name: 'نور عبد الله الدليمي' }).waitFor();
  });

  it('prints a sign-in sheet per group with the restricted phone masked', async () => {
    await page.getByRole('link', { name: 'ورقة التوقيع' }).first().click();
    await page.waitForURL(/\/print\?group=all$/);
    const sheets = page.locator('article.sheet');
    await expect.poll(() => sheets.count()).toBe(2);
    expect(await sheets.first().textContent()).toContain(TITLE);
    const huda = page.locator('article.sheet tr').filter({ hasText: 'هدى سامي العاني' });
    expect((await huda.locator('td.phone-col').textContent())?.trim()).toBe('•••');
    expect((await page.locator('article.sheet').allTextContents()).join(' ')).not.toContain('7701234567');
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'طباعة' }).isVisible()).toBe(false);
    await shot('22-event-print');
    await page.emulateMedia({ media: 'screen' });
  });

  it('checks in a person found with an Arabic spelling variant, and adds a walk-in after a duplicate warning', async () => {
    await page.goto(`${baseUrl}/events/${eventId}/check-in`);
    const counter = page.getByTestId('check-in-counter');
    await expect.poll(() => counter.textContent()).toMatch(/0\s*\/\s*5/);
    // "الكعبى" with a final yā' written as alif maqṣūra, as people often type it.
    await page.fill('#check-in-q', 'حيدر الكعبى');
    const result = page.locator(`[data-testid="check-in-results"] li`).first();
    await expect.poll(() => result.textContent()).toContain('حيدر جواد الكعبي');
    // The event is in 2031: the page warns that today is not one of its days, and a check-in is confirmed first.
    await page.getByTestId('outside-event-days').waitFor();
    await result.getByRole('button', { name: /تسجيل الحضور/ }).click();
    const confirm = page.locator('dialog[open]');
    await confirm.getByText('ليس من أيام الفعالية').waitFor();
    expect(await statusOf(ids.haider)).not.toBe('attended');
    await confirm.getByRole('button', { name: 'سجّل الحضور مع ذلك' }).click();
    await expect.poll(() => statusOf(ids.haider)).toBe('attended');
    await expect.poll(() => counter.textContent()).toMatch(/1\s*\/\s*5/);
    await result.getByText('حاضر ✓').waitFor();
    await shot('23-check-in');

    await page.getByRole('button', { name: 'إضافة حاضر غير مدعو' }).first().click();
    const dialog = page.locator('dialog[open]');
    await dialog.getByText('شخص جديد').click();
    await dialog.locator('input[name="walkInName"]').fill('مريم عادل التميمي');
    await dialog.getByRole('button', { name: 'إضافة حاضر غير مدعو' }).click();
    const warning = dialog.getByTestId('duplicate-warning');
    await warning.getByText('مريم عادل التميمي').waitFor();
    await warning.getByRole('button', { name: 'استخدم جهة الاتصال هذه' }).first().click();
    await dialog.getByRole('button', { name: 'إضافة حاضر غير مدعو' }).click();
    // Maryam declined earlier: she is on the list, so the walk-in is refused with a pointer to check her in.
    await dialog.getByText('هذا الشخص في القائمة أصلًا').waitFor();

    await dialog.getByText('شخص جديد').click();
    await dialog.locator('input[name="walkInName"]').fill('سلوان فاضل الربيعي');
    await dialog.locator('select[name="walkInGovernorate"]').selectOption('IQ-BG');
    await dialog.getByRole('button', { name: 'إضافة حاضر غير مدعو' }).click();
    await dialog.getByRole('button', { name: 'سجّل الحضور مع ذلك' }).click();
    await page
      .locator('dialog[open]')
      .waitFor({ state: 'detached' })
      .catch(() => undefined);
    await expect.poll(async () => (await invitations()).filter((i) => i.walk_in && i.status === 'attended').length).toBe(1);
    await expect.poll(() => counter.textContent()).toMatch(/2\s*\/\s*6/);
  });

  it('lists the event among upcoming events with its counts', async () => {
    await page.goto(`${baseUrl}/events`);
    const row = page.locator('table.events-table tr').filter({ hasText: TITLE });
    await row.waitFor();
    expect(await page.locator('table.events-table caption').first().textContent()).toBe('الفعاليات القادمة');
    // Invited (ever) 7: six on the list plus the walk-in; attended 2.
    expect(await row.locator('td.num').allTextContents()).toEqual(['7', '4', '2']);
    await shot('24-events-index');
  });

  it('keeps an edit made meanwhile by someone else: the stale save is refused and offers a reload', async () => {
    await page.goto(`${baseUrl}/events/${eventId}/edit`);
    await page.locator('input[name="venue"]').waitFor();
    const current = await database.db.selectFrom('event').select('version').where('id', '=', eventId).executeTakeFirstOrThrow();
    const meanwhile = await app.inject({
      method: 'PATCH',
      url: `/api/events/${eventId}`,
      headers: { authorization: `Bearer ${token}` },
      payload: { version: current.version, venue: 'قاعة المدينة' },
    });
    expect(meanwhile.statusCode, meanwhile.body).toBe(200);
    await page.fill('input[name="venue"]', 'فندق الرشيد');
    await page.getByRole('button', { name: 'حفظ' }).click();
    await page.getByText('عدّل شخص آخر هذه الفعالية للتو').waitFor();
    await page.getByRole('button', { name: 'إعادة التحميل' }).click();
    await expect.poll(() => page.locator('input[name="venue"]').inputValue()).toBe('قاعة المدينة');
    await page.fill('input[name="venue"]', 'فندق الرشيد');
    await page.getByRole('button', { name: 'حفظ' }).click();
    await page.waitForURL(new RegExp(`/events/${eventId}$`));
    const saved = await database.db.selectFrom('event').select('venue').where('id', '=', eventId).executeTakeFirstOrThrow();
    expect(saved.venue).toBe('فندق الرشيد');
  });

  it('lists the event on the contact page', async () => {
    await page.goto(`${baseUrl}/contacts/${ids.haider}`);
    const section = page.getByTestId('contact-events');
    await section.getByRole('link', { name: TITLE }).waitFor();
    expect(await section.textContent()).toContain('حضر');
  });

  it('shows attendance by governorate and kind once a past event has attendees', async () => {
    const headers = { authorization: `Bearer ${token}` };
    const created = await app.inject({
      method: 'POST',
      url: '/api/events',
      headers,
      payload: { title: 'ورشة سابقة', type: 'workshop', startsAt: '2024-05-01T09:00:00.000Z', endsAt: '2024-05-01T12:00:00.000Z' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const pastId = created.json().id as string;
    const added = await app.inject({
      method: 'POST',
      url: `/api/events/${pastId}/invitations`,
      headers,
      payload: { contactIds: [ids.haider, ids.noor], status: 'invited' },
    });
    expect(added.statusCode, added.body).toBe(201);
    const byContact = new Map((added.json().added as { id: string; contact: { id: string } }[]).map((i) => [i.contact.id, i.id]));
    const bulk = async (invitationId: string, status: string) => {
      const res = await app.inject({
        method: 'POST',
        url: `/api/events/${pastId}/invitations/bulk?confirmOutsideEventDays=true`,
        headers,
        payload: { invitationIds: [invitationId], status },
      });
      expect(res.statusCode, res.body).toBe(200);
    };
    await bulk(byContact.get(ids.haider)!, 'attended');
    await bulk(byContact.get(ids.noor)!, 'confirmed');
    await bulk(byContact.get(ids.noor)!, 'no_show');

    await page.goto(`${baseUrl}/events/${pastId}`);
    const attendance = page.getByTestId('attendance');
    await attendance.waitFor();
    const najaf = attendance.locator('tr').filter({ hasText: 'النجف' });
    expect(await najaf.locator('td').allTextContents()).toEqual(['النجف', '1', '0']);
    const anbar = attendance.locator('tr').filter({ hasText: 'الأنبار' });
    expect(await anbar.locator('td').allTextContents()).toEqual(['الأنبار', '0', '1']);
  });

  it('reads on a phone, in English', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${baseUrl}/events/${eventId}`);
    await page.getByRole('combobox', { name: 'لغة الواجهة' }).selectOption('en');
    await page.getByRole('heading', { name: /On the list/ }).waitFor();
    expect(await page.getByTestId('replies').textContent()).toContain('Confirmed');
    await shot('25-event-phone-en');
  });
});
