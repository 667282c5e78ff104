import { Type } from 'typebox';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DateColumn, checkRows, nullable, oneOf } from '../../../server/src/db/check-rows.js';

const Row = Type.Object({
  id: Type.String(),
  n: Type.Integer(),
  kind: oneOf(['a', 'b'] as const),
  at: DateColumn,
  note: nullable(Type.String()),
});
const good = { id: 'x', n: 1, kind: 'a', at: new Date('2026-01-01T00:00:00Z'), note: null };

describe('checkRows', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it('passes rows that fit and returns them as they are', () => {
    const rows = [good, { ...good, kind: 'b', note: 'n' }];
    expect(checkRows('q', Row, rows)).toBe(rows);
    expect(checkRows('q', Row, [])).toEqual([]);
  });

  it('names the query, the row and the column that drifted', () => {
    expect(() => checkRows('stats.contactTotals', Row, [good, { ...good, n: '3' }])).toThrow(
      'stats.contactTotals: row 1 does not match its row type: /n must be integer',
    );
    expect(() => checkRows('q', Row, [{ ...good, at: '2026-01-01' }])).toThrow('row 0 does not match its row type: /at must be a Date');
    expect(() => checkRows('q', Row, [{ ...good, kind: 'c' }])).toThrow(/\/kind/);
    expect(() => checkRows('q', Row, [{ id: 'x', n: 1, kind: 'a', at: good.at }])).toThrow(/row 0/);
  });

  it('checks only the first row with NODE_ENV=production', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    vi.resetModules();
    const production = await import('../../../server/src/db/check-rows.js');
    expect(production.checkRows('q', Row, [good, { ...good, n: 'drift' }])).toHaveLength(2);
    expect(() => production.checkRows('q', Row, [{ ...good, n: 'drift' }, good])).toThrow('q: row 0');
  });
});
