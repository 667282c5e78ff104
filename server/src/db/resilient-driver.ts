import {
  PostgresDialect,
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type QueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import { CommitOutcomeUnknownError, isConnectionError } from './connection-errors.js';

/** How long to wait before the one retry: long enough for a restarting server to accept connections again. */
export const RETRY_DELAY_MS = 500;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A statement that only reads, so running it a second time cannot write twice. */
function isReadOnly(query: CompiledQuery): boolean {
  if (query.query.kind === 'SelectQueryNode') return true;
  if (query.query.kind !== 'RawNode') return false;
  return /^\s*(select|with)\b/i.test(query.sql) && !/\b(insert|update|delete|merge)\b/i.test(query.sql);
}

/**
 * Holds the pool client that currently serves it, so a read that failed on a dead client (PostgreSQL restarted
 * while it sat in the pool) can be replayed once on a fresh one. Inside a transaction nothing is replayed here:
 * the whole transaction is retried by RetryingKysely or not at all.
 */
class ResilientConnection implements DatabaseConnection {
  inTransaction = false;
  commitSent = false;

  /** Null once a broken client was given back and no new one could be had: there is nothing left to release. */
  private current: DatabaseConnection | null;

  constructor(
    inner: DatabaseConnection,
    private readonly driver: ResilientDriver,
  ) {
    this.current = inner;
  }

  get inner(): DatabaseConnection {
    if (!this.current) throw new Error('Connection terminated: no database connection could be re-established');
    return this.current;
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    try {
      return await this.inner.executeQuery<R>(query);
    } catch (error) {
      if (this.inTransaction || !isConnectionError(error) || !isReadOnly(query)) throw error;
      const broken = this.inner;
      this.current = null;
      this.current = await this.driver.replace(broken);
      return this.current.executeQuery<R>(query);
    }
  }

  streamQuery<R>(query: CompiledQuery, chunkSize: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(query, chunkSize);
  }

  async release(inner: Driver): Promise<void> {
    if (this.current) await inner.releaseConnection(this.current);
    this.current = null;
  }
}

/**
 * Kysely's PostgreSQL driver with what a restart of the server needs: acquiring a connection is retried once after
 * a pause (always safe: nothing ran yet), a failed read outside a transaction is replayed once on a new connection,
 * and a connection lost during COMMIT is reported as CommitOutcomeUnknownError so that nobody retries a write that
 * may already be saved.
 */
export class ResilientDriver implements Driver {
  constructor(
    private readonly inner: Driver,
    private readonly retryDelayMs: number,
  ) {}

  init(): Promise<void> {
    return this.inner.init();
  }

  private async acquireInner(): Promise<DatabaseConnection> {
    try {
      return await this.inner.acquireConnection();
    } catch (error) {
      if (!isConnectionError(error)) throw error;
      await sleep(this.retryDelayMs);
      return this.inner.acquireConnection();
    }
  }

  /** Gives back a client that failed (the pool discards it, as it is no longer queryable) and takes another. */
  async replace(broken: DatabaseConnection): Promise<DatabaseConnection> {
    await this.inner.releaseConnection(broken);
    await sleep(this.retryDelayMs);
    return this.acquireInner();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    return new ResilientConnection(await this.acquireInner(), this);
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const c = connection as ResilientConnection;
    c.inTransaction = true;
    c.commitSent = false;
    await this.inner.beginTransaction(c.inner, settings);
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const c = connection as ResilientConnection;
    c.commitSent = true;
    try {
      await this.inner.commitTransaction(c.inner);
    } catch (error) {
      throw isConnectionError(error) ? new CommitOutcomeUnknownError(error) : error;
    } finally {
      c.inTransaction = false;
    }
  }

  /** Kysely rolls back after a failed COMMIT and throws the rollback's error: keep "outcome unknown" in that case. */
  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const c = connection as ResilientConnection;
    try {
      await this.inner.rollbackTransaction(c.inner);
    } catch (error) {
      throw c.commitSent && isConnectionError(error) ? new CommitOutcomeUnknownError(error) : error;
    } finally {
      c.inTransaction = false;
      c.commitSent = false;
    }
  }

  async savepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    await this.inner.savepoint!((connection as ResilientConnection).inner, name, compile);
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    await this.inner.rollbackToSavepoint!((connection as ResilientConnection).inner, name, compile);
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    await this.inner.releaseSavepoint!((connection as ResilientConnection).inner, name, compile);
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return (connection as ResilientConnection).release(this.inner);
  }

  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}

export class ResilientPostgresDialect extends PostgresDialect {
  constructor(
    config: ConstructorParameters<typeof PostgresDialect>[0],
    private readonly retryDelayMs = RETRY_DELAY_MS,
  ) {
    super(config);
  }

  override createDriver(): Driver {
    return new ResilientDriver(super.createDriver(), this.retryDelayMs);
  }
}
