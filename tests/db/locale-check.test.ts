import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { DatabaseCheckError, checkArabicTrigrams, openPostgres } from '../../server/src/db/database.js';
import { TEST_DATABASE_URL, databaseUrlFor } from '../helpers/test-database-url.js';

// The locale trap exists only on a real server: PGlite is always UTF-8.
describe.runIf(TEST_DATABASE_URL)('start-up check on a real server', () => {
  it('refuses a database created with LC_CTYPE C, where trigrams silently fail on Arabic', async () => {
    const name = `cd_t_clocale_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL! });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`);
    const database = openPostgres(databaseUrlFor(name), 1);
    try {
      const check = checkArabicTrigrams(database.db);
      await expect(check).rejects.toBeInstanceOf(DatabaseCheckError);
      await expect(checkArabicTrigrams(database.db)).rejects.toThrow(/LC_CTYPE 'C.UTF-8'/);
    } finally {
      await database.close();
      await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});
