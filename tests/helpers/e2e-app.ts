import type { FastifyInstance } from 'fastify';
import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { buildApp } from '../../server/src/app.js';
import type { Database } from '../../server/src/db/database.js';
import type { Role } from '../../server/src/domain/roles.js';
import type { MailConfig } from '../../server/src/config.js';
import { createUserRecord } from '../../server/src/modules/users/users.service.js';
import { WEB_BUILD_DIR } from '../../server/src/web-build.js';
import { launchBrowser } from './browser.js';
import { createTestDatabase } from './test-database.js';

export const E2E_PASSWORD = 'a long e2e password';

export interface E2eApp {
  database: Database;
  app: FastifyInstance;
  baseUrl: string;
  browser: BrowserContext;
  page: Page;
  /** A Bearer token for seeding data through the API as one of the accounts. */
  tokenFor(email: string): Promise<string>;
  /** Signs the page in through the login form and waits for the directory. */
  signIn(email: string): Promise<void>;
  close(): Promise<void>;
}

/** A fresh database with these accounts, the app with the built web app on a free port, and a browser page. */
export async function startE2eApp(
  users: { email: string; name: string; role: Role }[],
  options: { mail?: MailConfig | null } = {},
): Promise<E2eApp> {
  const database = await createTestDatabase();
  for (const user of users) await createUserRecord(database.db, null, { ...user, password: E2E_PASSWORD });
  const app = await buildApp({
    db: database.db,
    jwtSecret: 'e2e-secret-that-is-long-enough-0123456789',
    webRoot: WEB_BUILD_DIR,
    mail: options.mail,
  });
  const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await launchBrowser();
  const page = await browser.newPage();
  page.on('pageerror', (err) => console.error('page error:', err.message));
  return {
    database,
    app,
    baseUrl,
    browser,
    page,
    async tokenFor(email) {
      const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: E2E_PASSWORD } });
      expect(login.statusCode, login.body).toBe(200);
      return login.json().token as string;
    },
    async signIn(email) {
      await page.goto(`${baseUrl}/login`);
      await page.fill('input[name="email"]', email);
      await page.fill('input[name="password"]', E2E_PASSWORD);
      await page.click('button[type="submit"]');
      await page.waitForURL(/\/contacts/);
    },
    async close() {
      await browser.close();
      await app.close();
      await database.close();
    },
  };
}
