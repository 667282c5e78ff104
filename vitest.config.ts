import { defineConfig } from 'vitest/config';

// One suite, two databases: embedded PGlite by default, a real PostgreSQL server when
// TEST_DATABASE_URL is set (a URL whose user may create databases).
export default defineConfig({
  test: {
    reporters: ['default'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'db',
          include: ['tests/api/**/*.test.ts', 'tests/db/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/helpers/global-db-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/helpers/global-db-setup.ts', 'tests/helpers/global-web-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          // The browser, the server and PostgreSQL share two cores in CI: a page may take seconds to settle.
          expect: { poll: { timeout: 10_000 } },
          // One more try for a failed browser test: the WhatsApp walk-through's first edit is sometimes lost on a loaded
          // machine (2 of 5 full runs on 2026-12-03/04; cause not found yet, see docs/progress-2026-12-04.md). A real
          // failure still fails twice.
          retry: 1,
        },
      },
    ],
  },
});
