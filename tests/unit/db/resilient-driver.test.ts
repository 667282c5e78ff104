import {
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  sql,
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
} from 'kysely';
import { describe, expect, it } from 'vitest';
import { isConnectionError } from '../../../server/src/db/connection-errors.js';
import { ResilientDriver } from '../../../server/src/db/resilient-driver.js';
import { RetryingKysely } from '../../../server/src/db/retrying-kysely.js';

/**
 * The retry rules, driven through Kysely by a driver that fails where a test says. What is replayed decides whether a
 * write can land twice, so each rule is pinned here; the real-server behaviour is in tests/db/database-restart.test.ts.
 */
const terminated = () => Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });

class ScriptedDriver implements Driver {
  readonly log: string[] = [];
  acquired = 0;
  released = 0;
  constructor(
    private readonly fail: (statement: string, seen: number) => Error | null,
    private readonly failAcquire = 0,
  ) {}
  async init() {}
  async destroy() {}
  async acquireConnection(): Promise<DatabaseConnection> {
    this.acquired += 1;
    if (this.acquired <= this.failAcquire) throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const run = async (statement: string): Promise<QueryResult<never>> => {
      this.log.push(statement);
      const error = this.fail(statement, this.log.filter((s) => s === statement).length);
      if (error) throw error;
      return { rows: [] };
    };
    return {
      executeQuery: (query: CompiledQuery) => run(query.sql),
      streamQuery: () => {
        throw new Error('not used');
      },
    };
  }
  async beginTransaction(connection: DatabaseConnection) {
    await connection.executeQuery({ sql: 'begin' } as CompiledQuery);
  }
  async commitTransaction(connection: DatabaseConnection) {
    await connection.executeQuery({ sql: 'commit' } as CompiledQuery);
  }
  async rollbackTransaction(connection: DatabaseConnection) {
    await connection.executeQuery({ sql: 'rollback' } as CompiledQuery);
  }
  async releaseConnection() {
    this.released += 1;
  }
}

function databaseOver(driver: ScriptedDriver) {
  return new RetryingKysely<Record<string, never>>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new ResilientDriver(driver, 1),
      createIntrospector: (db) => new PostgresIntrospector(db),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
}

const insert = sql`insert into t values (1)`;

describe('retrying on a lost connection', () => {
  it('runs a transaction again when its connection died before COMMIT', async () => {
    const driver = new ScriptedDriver((s, seen) => (s.startsWith('insert') && seen === 1 ? terminated() : null));
    let runs = 0;
    const result = await databaseOver(driver)
      .transaction()
      .execute(async (trx) => {
        runs += 1;
        await insert.execute(trx);
        return 'saved';
      });
    expect(result).toBe('saved');
    expect(runs).toBe(2);
    expect(driver.log).toEqual(['begin', 'insert into t values (1)', 'rollback', 'begin', 'insert into t values (1)', 'commit']);
  });

  it('never runs it again when the connection died during COMMIT: the outcome is unknown (SQLSTATE 08007)', async () => {
    const driver = new ScriptedDriver((s) => (s === 'commit' || s === 'rollback' ? terminated() : null));
    let runs = 0;
    const attempt = databaseOver(driver)
      .transaction()
      .execute(async (trx) => {
        runs += 1;
        await insert.execute(trx);
      });
    await expect(attempt).rejects.toMatchObject({ code: '08007' });
    expect(runs).toBe(1);
    expect(driver.log.filter((s) => s === 'commit')).toHaveLength(1);
  });

  it('does not retry an error the request caused', async () => {
    const duplicate = Object.assign(new Error('duplicate key'), { code: '23505' });
    const driver = new ScriptedDriver((s) => (s.startsWith('insert') ? duplicate : null));
    let runs = 0;
    const attempt = databaseOver(driver)
      .transaction()
      .execute(async (trx) => {
        runs += 1;
        await insert.execute(trx);
      });
    await expect(attempt).rejects.toBe(duplicate);
    expect(runs).toBe(1);
  });

  it('replays a read outside a transaction on a new connection, but never a write', async () => {
    const reads = new ScriptedDriver((s, seen) => (s.startsWith('select') && seen === 1 ? terminated() : null));
    await sql`select 1`.execute(databaseOver(reads));
    expect(reads.log).toEqual(['select 1', 'select 1']);
    expect(reads.acquired).toBe(2);
    expect(reads.released).toBe(2);

    const writes = new ScriptedDriver((s) => (s.startsWith('insert') ? terminated() : null));
    await expect(insert.execute(databaseOver(writes))).rejects.toMatchObject({ code: '57P01' });
    expect(writes.log).toEqual(['insert into t values (1)']);
  });

  it('tries once more to connect when the first connection attempt is refused', async () => {
    const driver = new ScriptedDriver(() => null, 1);
    await sql`select 1`.execute(databaseOver(driver));
    expect(driver.acquired).toBe(2);
  });
});

describe('isConnectionError', () => {
  it.each([
    ['server shutting down', Object.assign(new Error('the database system is shutting down'), { code: '57P03' })],
    ['admin termination', terminated()],
    ['connection class 08', Object.assign(new Error('connection failure'), { code: '08006' })],
    ['socket refused', Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })],
    ['both addresses refused', new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })], '')],
    ['node-postgres', new Error('Connection terminated unexpectedly')],
    ['pool timeout', new Error('timeout exceeded when trying to connect')],
  ])('%s is a connection error', (_label, error) => expect(isConnectionError(error)).toBe(true));

  it.each([
    ['unique violation', Object.assign(new Error('duplicate'), { code: '23505' })],
    ['syntax', Object.assign(new Error('syntax error'), { code: '42601' })],
    ['plain error', new Error('boom')],
    ['not an error', 'Connection terminated'],
  ])('%s is not', (_label, error) => expect(isConnectionError(error)).toBe(false));
});
