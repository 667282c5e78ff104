import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type CompiledQuery,
  type DatabaseConnection,
  type QueryResult,
} from 'kysely';
import type { Db } from '../../server/src/db/database.js';
import type { DB } from '../../server/src/db/types.js';

/** A statement as Kysely sent it: the SQL text with $1… placeholders and the values bound to them. */
export interface RecordedQuery {
  sql: string;
  parameters: readonly unknown[];
}

/**
 * A Kysely instance on no database: each statement is compiled exactly as for PostgreSQL, recorded, and answered with
 * the next of `answers` (rows), or no rows. Repository code runs unchanged, so the recorded SQL is the SQL it sends.
 */
export function recordingDb(answers: readonly (readonly object[])[] = []): { db: Db; recorded: RecordedQuery[] } {
  const recorded: RecordedQuery[] = [];
  const connection: DatabaseConnection = {
    executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
      const rows = (answers[recorded.length] ?? []) as R[];
      recorded.push({ sql: query.sql, parameters: query.parameters });
      return Promise.resolve({ rows, numAffectedRows: BigInt(rows.length) });
    },
    // eslint-disable-next-line require-yield -- no repository in the snapshots streams
    async *streamQuery() {
      throw new Error('streamQuery is not recorded');
    },
  };
  class RecordingDriver extends DummyDriver {
    override acquireConnection(): Promise<DatabaseConnection> {
      return Promise.resolve(connection);
    }
  }
  const db = new Kysely<DB>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new RecordingDriver(),
      createIntrospector: (k) => new PostgresIntrospector(k),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
  return { db, recorded };
}
