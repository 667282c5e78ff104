import path from 'node:path';
import type { Config } from '../config.js';
import { openEmbedded, openPostgres, type Database } from './database.js';

/** The embedded database when no DATABASE_URL is set, a real PostgreSQL server otherwise. */
export function openConfiguredDatabase(config: Config): Promise<Database> | Database {
  return config.databaseUrl ? openPostgres(config.databaseUrl) : openEmbedded(path.join(config.dataDir, 'pglite'));
}
