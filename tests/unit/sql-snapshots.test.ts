import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { QUERIES_DIR, generateSnapshots } from '../sql-snapshots/snapshots.js';
import { formatSql } from '../sql-snapshots/render.js';

const dir = path.resolve(import.meta.dirname, '../..', QUERIES_DIR);
const STALE = 'the SQL snapshot is stale: run npm run sql:snapshots and commit server/src/queries/';

describe('SQL snapshots (server/src/queries/)', async () => {
  const snapshots = await generateSnapshots();

  it('has exactly one committed file per snapshot', () => {
    const committed = readdirSync(dir).filter((name) => name.endsWith('.sql'));
    expect(committed.sort(), STALE).toEqual([...snapshots.keys()].sort());
  });

  for (const [name, text] of snapshots) {
    it(`${name} matches what the repository sends now`, () => {
      const file = path.join(dir, name);
      expect(existsSync(file), STALE).toBe(true);
      expect(readFileSync(file, 'utf8'), STALE).toBe(text);
    });
  }
});

describe('SQL snapshot formatting', () => {
  it('breaks builder output before its clauses, not inside quoted names or literals', () => {
    expect(formatSql(`select "from" from "contact" where "name" = 'a where b' order by "id" limit $1`)).toBe(
      `select "from"\nfrom "contact"\nwhere "name" = 'a where b'\norder by "id"\nlimit $1`,
    );
    expect(formatSql('select "x" from "t" where "a" is not distinct from $1')).toBe(
      'select "x"\nfrom "t"\nwhere "a" is not distinct from $1',
    );
  });

  it('keeps the lines of raw SQL, without the indentation of the TypeScript around it', () => {
    expect(formatSql('\n    SELECT id FROM contact\n      WHERE kind = $1\n    ORDER BY id  \n  ')).toBe(
      'SELECT id FROM contact\n  WHERE kind = $1\nORDER BY id',
    );
  });
});
