/** Set to run the suite against a real PostgreSQL server; unset means the embedded PGlite. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || null;

export function databaseUrlFor(name: string): string {
  const url = new URL(TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  return url.toString();
}

export const UTF8_DATABASE = `TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`;
