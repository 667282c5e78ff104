import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, SCREENSHOT_DIR, SKIP_MESSAGE } from '../helpers/browser.js';
import { E2E_PASSWORD, startE2eApp, type E2eApp } from '../helpers/e2e-app.js';
import { enableTwoStep, totpCode } from '../helpers/two-step.js';

if (!HAS_CHROMIUM) console.log(SKIP_MESSAGE);

/**
 * Issue 12, item 6 in the browser: a coordinator turns on two-step sign-in from "حسابي" with a code computed from the
 * key the page shows, keeps the recovery codes, makes an API token, signs out, and signs in again with a code from
 * the "app" and then with a recovery code. Screenshots two-step-*.png at 1280 and 390 px, Arabic and English.
 */
const EMAIL = 'two-step@e2e.example.org';
const ADMIN = 'admin-two-step@e2e.example.org';
const NEWCOMER = 'newcomer@e2e.example.org';

const shot = async (page: Page, name: string, width: 1280 | 390) => {
  await page.setViewportSize({ width, height: width === 390 ? 844 : 860 });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `two-step-${name}-${width}.png`), fullPage: true });
};

describe.runIf(HAS_CHROMIUM)('two-step sign-in', () => {
  let e2e: E2eApp;
  let manualKey = '';
  let recoveryCodes: string[] = [];
  beforeAll(async () => {
    e2e = await startE2eApp([
      { email: EMAIL, name: 'منسقة نينوى', role: 'coordinator' },
      { email: ADMIN, name: 'مدير النظام', role: 'admin' },
      { email: NEWCOMER, name: 'منسق جديد', role: 'coordinator' },
    ]);
    await e2e.signIn(EMAIL);
  });
  afterAll(() => e2e?.close());

  const signOut = async () => {
    await e2e.page.setViewportSize({ width: 1280, height: 860 });
    await e2e.page.getByRole('button', { name: /^(تسجيل الخروج|Log out)$/ }).click();
    await e2e.page.waitForURL(/\/login/);
  };
  const passwordStep = async (email = EMAIL) => {
    const { page } = e2e;
    await page.fill('input[name="email"]', email);
    await page.fill('input[name="password"]', E2E_PASSWORD);
    await page.click('button[type="submit"]');
  };

  it('sets it up with the QR key and a real code, and shows 10 recovery codes once', async () => {
    const { page } = e2e;
    await page.goto(`${e2e.baseUrl}/account`);
    await page.getByRole('button', { name: 'تفعيل التحقق بخطوتين' }).click();
    await page.locator('img.qr').waitFor();
    manualKey = (await page.locator('.manual-key').innerText()).replace(/\s/g, '');
    expect(manualKey).toMatch(/^[A-Z2-7]{32}$/);
    await shot(page, 'setup-ar', 1280);
    await shot(page, 'setup-ar', 390);
    await page.fill('#two-step-setup-code', '000000' === totpCode(manualKey) ? '111111' : '000000');
    await page.getByRole('button', { name: 'تأكيد وتفعيل' }).click();
    await page.getByText('الرمز غير صحيح').waitFor();
    await page.fill('#two-step-setup-code', totpCode(manualKey));
    await page.getByRole('button', { name: 'تأكيد وتفعيل' }).click();
    await page.locator('.recovery-codes li').first().waitFor();
    recoveryCodes = (await page.locator('.recovery-codes li').allInnerTexts()).map((c) => c.trim());
    expect(recoveryCodes).toHaveLength(10);
    await shot(page, 'recovery-codes-ar', 1280);
    await shot(page, 'recovery-codes-ar', 390);
    await page.getByRole('button', { name: 'حفظتها' }).click();
    await page.getByText(/مفعّل منذ/).waitFor();
    await page.getByText('بقيت 10 رموز استرداد.').waitFor();
  });

  it('creates an API token shown once, lists it, and revokes it after a confirmation', async () => {
    const { page } = e2e;
    await page.fill('#token-name', 'تقرير أسبوعي');
    await page.getByRole('button', { name: 'إنشاء رمز' }).click();
    const token = (await page.locator('.token-text').innerText()).trim();
    expect(token).toMatch(/^cdt_/);
    const res = await e2e.app.inject({ method: 'GET', url: '/api/contacts', headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode).toBe(200);
    await page.fill('#token-name', 'مزامنة');
    await page.selectOption('#token-scope', 'write');
    await page.getByRole('button', { name: 'إنشاء رمز' }).click();
    await page.locator('.token-item').nth(1).waitFor();
    await shot(page, 'tokens-ar', 390);
    await page.locator('.token-item', { hasText: 'مزامنة' }).getByRole('button', { name: 'إلغاء' }).click();
    await page.locator('dialog[open]').getByRole('button', { name: 'إلغاء' }).last().click();
    await page.getByText('أُلغي الرمز «مزامنة».').waitFor();
    expect(await page.locator('.token-item').count()).toBe(1);
  });

  it('signs in again with a code computed from the secret', async () => {
    const { page } = e2e;
    await signOut();
    await passwordStep();
    const code = page.locator('#login-code');
    await code.waitFor();
    expect(await code.getAttribute('inputmode')).toBe('numeric');
    expect(await code.getAttribute('autocomplete')).toBe('one-time-code');
    await shot(page, 'login-ar', 390);
    await shot(page, 'login-ar', 1280);
    // The next step's code: the app's clock may run a little ahead, and the setup already used this step's.
    await code.fill(totpCode(manualKey, 1));
    await page.getByRole('button', { name: 'تحقق' }).click();
    await page.waitForURL(/\/contacts/);
  });

  it('in English: the account page, then signing in with a recovery code', async () => {
    const { page } = e2e;
    await page.evaluate(() => localStorage.setItem('language', 'en'));
    await page.goto(`${e2e.baseUrl}/account`);
    await page.getByText(/On since/).waitFor();
    await shot(page, 'account-en', 1280);
    await shot(page, 'account-en', 390);
    await signOut();
    await passwordStep();
    await page.locator('#login-code').waitFor();
    await page.getByRole('button', { name: 'Use a recovery code' }).click();
    await page.fill('#login-recovery-code', recoveryCodes[0]);
    await shot(page, 'login-recovery-en', 390);
    await shot(page, 'login-recovery-en', 1280);
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.waitForURL(/\/contacts/);
    await page.goto(`${e2e.baseUrl}/account`);
    await page.getByText('9 recovery codes left.').waitFor();
  });

  it('renews the recovery codes with a code from the app, without turning two-step off', async () => {
    const { page } = e2e;
    // As if the next 30 seconds had passed: the sign-in above used this step's code, and each step works once.
    await e2e.database.db.updateTable('user_totp').set({ last_used_step: null }).execute();
    await page.getByRole('button', { name: 'New recovery codes' }).click();
    await page.fill('#two-step-renew-code', totpCode(manualKey));
    await page.locator('dialog[open]').getByRole('button', { name: 'New recovery codes' }).click();
    await page.locator('.recovery-codes li').first().waitFor();
    const renewed = (await page.locator('.recovery-codes li').allInnerTexts()).map((c) => c.trim());
    expect(renewed).toHaveLength(10);
    expect(renewed.some((c) => recoveryCodes.includes(c))).toBe(false);
    await shot(page, 'renewed-codes-en', 390);
    recoveryCodes = renewed;
  });

  it('when an admin requires it, a coordinator without it lands on the setup and reaches nothing else', async () => {
    const { page } = e2e;
    const { token: admin, manualKey: adminKey } = await enableTwoStep(e2e, await e2e.tokenFor(ADMIN));
    const policy = await e2e.app.inject({
      method: 'PUT',
      url: '/api/settings/two-step',
      headers: { authorization: `Bearer ${admin}` },
      payload: { requiredForAdminsAndCoordinators: true, version: 0 },
    });
    expect(policy.statusCode, policy.body).toBe(200);
    await signOut();
    // Back to Arabic: the language is read from storage when the page loads.
    await page.evaluate(() => localStorage.setItem('language', 'ar'));
    await page.reload();
    await passwordStep(NEWCOMER);
    await page.waitForURL(/\/account$/);
    await page.getByText('يشترط المسؤول التحقق بخطوتين لدورك').waitFor();
    await page.getByText('تتوفر رموز الوصول بعد تفعيل التحقق بخطوتين.').waitFor();
    await shot(page, 'required-ar', 390);
    await page.goto(`${e2e.baseUrl}/contacts`);
    await page.waitForURL(/\/account$/);
    await page.getByRole('button', { name: 'تفعيل التحقق بخطوتين' }).click();
    const key = (await page.locator('.manual-key').innerText()).replace(/\s/g, '');
    await page.fill('#two-step-setup-code', totpCode(key));
    await page.getByRole('button', { name: 'تأكيد وتفعيل' }).click();
    await page.getByRole('button', { name: 'حفظتها' }).click();
    await page.getByText('يشترطه المسؤول لدورك، فلا يمكن إيقافه.').waitFor();
    await page.getByText('لا توجد رموز. أنشئ رمزًا حين يحتاج برنامج إلى الوصول إلى الدليل.').waitFor();
    await page.goto(`${e2e.baseUrl}/contacts`);
    await page.waitForURL(/\/contacts/);
    await page.locator('h1').first().waitFor();
    expect(page.url()).toMatch(/\/contacts/);

    // The admin sees the switch on, where users are managed.
    await signOut();
    await passwordStep(ADMIN);
    await page.fill('#login-code', totpCode(adminKey, 1));
    await page.getByRole('button', { name: 'تحقق' }).click();
    await page.waitForURL(/\/contacts/);
    await page.goto(`${e2e.baseUrl}/admin/users`);
    const toggle = page.getByRole('checkbox', { name: 'اشتراط التحقق بخطوتين للمسؤولين والمنسقين' });
    await toggle.waitFor();
    expect(await toggle.isChecked()).toBe(true);
    await shot(page, 'policy-ar', 1280);
    await shot(page, 'policy-ar', 390);

    // Someone lost the phone and the codes: the admin turns their two-step off after a confirmation.
    await page.setViewportSize({ width: 1280, height: 860 });
    await page.locator('tr', { hasText: EMAIL }).getByRole('button', { name: 'إيقاف التحقق بخطوتين' }).click();
    await page.locator('dialog[open]').getByRole('button', { name: 'إيقاف التحقق بخطوتين' }).click();
    await page.getByText('أُوقف التحقق بخطوتين لحساب منسقة نينوى.').waitFor();
    await page.locator('tr', { hasText: EMAIL }).getByRole('button', { name: 'إيقاف التحقق بخطوتين' }).waitFor({ state: 'detached' });
  });
});
