import net from 'node:net';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/src/app.js';
import { openPostgres, type Database } from '../../server/src/db/database.js';
import { createUserRecord } from '../../server/src/modules/users/users.service.js';
import { WEB_BUILD_DIR } from '../../server/src/web-build.js';
import { HAS_CHROMIUM, SCREENSHOT_DIR, launchBrowser } from '../helpers/browser.js';
import { E2E_PASSWORD } from '../helpers/e2e-app.js';
import { createTestDatabase } from '../helpers/test-database.js';
import { TEST_DATABASE_URL, databaseUrlFor } from '../helpers/test-database-url.js';

/**
 * The database goes away while a coordinator works: the app says so ("the server cannot reach its database,
 * retrying") instead of a generic error, and the message goes by itself when the database is back. The database is
 * "unplugged" by closing a TCP relay on 127.0.0.1 between the server and PostgreSQL, so the real server keeps running
 * for the rest of the suite.
 */
describe.runIf(HAS_CHROMIUM && TEST_DATABASE_URL)('a database outage in the browser', () => {
  const EMAIL = 'outage@e2e.example.org';
  let testDatabase: Database;
  let database: Database;
  let app: FastifyInstance;
  let browser: BrowserContext;
  let page: Page;
  let baseUrl: string;
  let relay: net.Server;
  let relayPort: number;
  const sockets = new Set<net.Socket>();
  const target = new URL(TEST_DATABASE_URL ?? 'postgres://localhost:5432');

  const openRelay = (port = 0) =>
    new Promise<number>((resolve) => {
      relay = net.createServer((client) => {
        const upstream = net.connect(Number(target.port || 5432), target.hostname);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => s.destroy());
        }
        client.pipe(upstream).pipe(client);
      });
      relay.listen(port, '127.0.0.1', () => resolve((relay.address() as net.AddressInfo).port));
    });
  const unplug = () =>
    new Promise<void>((resolve) => {
      relay.close(() => resolve());
      for (const s of sockets) s.destroy();
    });

  beforeAll(async () => {
    testDatabase = await createTestDatabase();
    await createUserRecord(testDatabase.db, null, { email: EMAIL, name: 'منسق الاختبار', role: 'coordinator', password: E2E_PASSWORD });
    const { rows } = await sql<{ name: string }>`SELECT current_database() AS name`.execute(testDatabase.db);
    relayPort = await openRelay();
    const url = new URL(databaseUrlFor(rows[0].name));
    url.host = `127.0.0.1:${relayPort}`;
    database = openPostgres(url.toString(), 4);
    app = await buildApp({ db: database.db, jwtSecret: 'e2e-secret-that-is-long-enough-0123456789', webRoot: WEB_BUILD_DIR });
    baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await database?.close();
    relay?.close();
    await testDatabase?.close();
  });

  const banner = () => page.getByRole('status').filter({ hasText: 'قاعدة البيانات' });

  it('shows that the server cannot reach its database, and clears it by itself when it is back', async () => {
    await page.goto(`${baseUrl}/login`);
    await page.fill('input[name="email"]', EMAIL);
    await page.fill('input[name="password"]', E2E_PASSWORD);
    await page.click('button[type="submit"]');
    await page.waitForURL(/\/contacts/);
    expect(await banner().count()).toBe(0);

    await unplug();
    await page.click('a[href="/events"]');
    await expect.poll(() => banner().count()).toBe(1);
    expect(await banner().textContent()).toContain('جارٍ إعادة المحاولة');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'database-outage-1280.png') });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'database-outage-390.png') });

    await openRelay(relayPort);
    await expect.poll(() => banner().count(), { timeout: 20_000 }).toBe(0);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'database-outage-recovered-390.png') });
    await page.setViewportSize({ width: 1280, height: 860 });
  });
});
