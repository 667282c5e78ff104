import cluster from 'node:cluster';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { buildApp } from './app.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { checkArabicTrigrams, DatabaseCheckError, type Database } from './db/database.js';
import { openConfiguredDatabase } from './db/open.js';
import { migrateToLatest } from './db/migrate.js';
import { backfillSearchKeys } from './modules/search/search-backfill.js';
import { ensureDemoData, ensureFirstAdmin } from './bootstrap.js';
import { WEB_BUILD_DIR, ensureWebBuild } from './web-build.js';
import { forkWorkers } from './cluster.js';
import { createUserRecord } from './modules/users/users.service.js';
import { generatePassword } from './modules/users/password.js';
import { ROLES, type Role } from './domain/roles.js';
import { AppError } from './errors.js';
import { restoreBackup, takeBackup } from './backup/backup.service.js';
import { backupFileName, startDailyBackups, writeFileAtomically } from './backup/daily-backups.js';
import { holdServerLock, runningServer } from './backup/server-lock.js';
import { BackupFileError } from './backup/backup-file.js';
import { BackupToolError } from './backup/pg-tools.js';

const USAGE = `Usage: tsx server/src/main.ts <command>
  start    migrate, create the first admin, load demo data (embedded), build the web app if needed, serve
  migrate  apply pending migrations and exit
  seed     load the demo data set (once per database) and exit
  user     create an account: user --email a@b.org --name "Name" --role coordinator [--password …]
  backup   write the whole database to one file: backup [--out FILE]
  restore  restore a backup into an empty data directory or database: restore FILE [--force]`;

async function prepareDatabase(config: Config): Promise<Database> {
  const database = await openConfiguredDatabase(config);
  await checkArabicTrigrams(database.db);
  const applied = await migrateToLatest(database.db);
  if (applied.length) console.log(`Applied migrations: ${applied.join(', ')}`);
  const keyed = await backfillSearchKeys(database.db);
  if (keyed) console.log(`Computed search keys for ${keyed} contacts.`);
  return database;
}

async function start(config: Config) {
  if (cluster.isWorker) {
    await serve(config, await openConfiguredDatabase(config));
    return;
  }
  const started = Date.now();
  const several = config.workers > 1 && config.databaseUrl !== null;
  if (config.workers > 1 && !several) console.log('WORKERS is ignored: the embedded database serves one process (set DATABASE_URL).');
  const [database] = await Promise.all([prepareDatabase(config), ensureWebBuild()]);
  const firstAdmin = await ensureFirstAdmin(database.db, config.adminEmail, config.adminPassword);
  if (config.demoData) {
    const loaded = await ensureDemoData(database.db);
    if (loaded) console.log(`Loaded ${loaded} demo contacts (invented ones are fictional; see README).`);
  }
  let address: string;
  if (several) {
    // The primary only prepares the database (migrations run once) and watches the workers.
    await database.close();
    address = await forkWorkers(config.workers, (message) => console.log(message));
  } else {
    address = await serve(config, database);
  }
  const where =
    database.kind === 'embedded'
      ? `embedded PostgreSQL in ${config.dataDir}`
      : `PostgreSQL server${several ? `, ${config.workers} worker processes` : ''}`;
  console.log(`\nStakeholder directory ready in ${((Date.now() - started) / 1000).toFixed(1)} s on ${where}`);
  console.log(`  Open:     ${address}/`);
  console.log(`  API docs: ${address}/api/docs`);
  if (firstAdmin) {
    console.log(`  Sign in:  ${firstAdmin.email}`);
    console.log(
      firstAdmin.generatedPassword
        ? `  Password: ${firstAdmin.generatedPassword}   (shown once: write it down, then change it)`
        : '  Password: the ADMIN_PASSWORD you set',
    );
  } else {
    console.log('  Sign in with your account (create more with: npm run user -- --email … --name … --role …)');
  }
}

/** One server process: the app on the prepared database, with its shutdown; answers the address it listens on. */
async function serve(config: Config, database: Database): Promise<string> {
  const app = await buildApp({
    db: database.db,
    jwtSecret: config.jwtSecret,
    webRoot: WEB_BUILD_DIR,
    logger: { level: config.logLevel },
    trustProxy: config.trustProxy,
    publicUrl: config.publicUrl,
    mail: config.mail,
    auditAlerts: config.auditAlerts,
    trashDays: config.trashDays,
  });
  const releaseLock = database.kind === 'embedded' ? holdServerLock(config.dataDir) : () => {};
  const stopBackups =
    database.kind === 'embedded' && config.backupKeep > 0
      ? startDailyBackups(database, path.join(config.dataDir, 'backups'), config.backupKeep, (message) => app.log.info(message))
      : () => {};
  const shutdown = async (signal: string) => {
    app.log.info(`${signal}: shutting down`);
    stopBackups();
    await app.close();
    await database.close();
    releaseLock();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  return app.listen({ port: config.port, host: config.host });
}

async function migrate(config: Config) {
  const database = await prepareDatabase(config);
  await database.close();
  console.log('Database is up to date.');
}

async function seed(config: Config) {
  const database = await prepareDatabase(config);
  await ensureFirstAdmin(database.db, config.adminEmail, config.adminPassword);
  const loaded = await ensureDemoData(database.db);
  console.log(loaded ? `Loaded ${loaded} demo contacts.` : 'Demo data was already loaded (or the directory is not empty).');
  await database.close();
}

const formatCounts = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([table, n]) => `${table} ${n}`)
    .join(', ');

async function backupCommand(config: Config, argv: string[]) {
  const { values } = parseArgs({ args: argv, options: { out: { type: 'string' } } });
  if (!config.databaseUrl && runningServer(config.dataDir)) {
    throw new ConfigError(
      `the server is running on ${config.dataDir}; it writes a backup every day into ${path.join(config.dataDir, 'backups')}. Stop it to take one now.`,
    );
  }
  const database = await prepareDatabase(config);
  try {
    const { file, manifest } = await takeBackup(database, config.databaseUrl);
    const out = path.resolve(values.out ?? path.join(config.dataDir, 'backups', backupFileName(new Date())));
    writeFileAtomically(out, file);
    console.log(`Backup written: ${out} (${(file.length / 1024 / 1024).toFixed(1)} MB, migration ${manifest.migration ?? 'none'})`);
    console.log(`  ${formatCounts(manifest.counts)}`);
  } finally {
    await database.close();
  }
}

async function restoreCommand(config: Config, argv: string[]) {
  const { values, positionals } = parseArgs({ args: argv, options: { force: { type: 'boolean' } }, allowPositionals: true });
  if (positionals.length !== 1) throw new ConfigError('restore needs the backup file: npm run restore -- FILE [--force]');
  const dir = path.join(config.dataDir, 'pglite');
  if (!config.databaseUrl && runningServer(config.dataDir))
    throw new ConfigError(`the server is running on ${config.dataDir}; stop it first`);
  const target = config.databaseUrl ? ({ kind: 'postgres', url: config.databaseUrl } as const) : ({ kind: 'embedded', dir } as const);
  const { manifest, counts } = await restoreBackup(readFileSync(path.resolve(positionals[0])), target, values.force === true);
  console.log(`Restored the backup of ${manifest.createdAt} into ${config.databaseUrl ? 'the PostgreSQL database' : dir}.`);
  console.log(`  ${formatCounts(counts)}`);
}

async function createUserCommand(config: Config, argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, password: { type: 'string' } },
  });
  if (!values.email || !values.name || !values.role || !ROLES.includes(values.role as Role)) {
    throw new ConfigError(`user needs --email, --name and --role (${ROLES.join(' | ')})`);
  }
  const password = values.password ?? generatePassword();
  const database = await prepareDatabase(config);
  try {
    const user = await createUserRecord(database.db, null, {
      email: values.email,
      name: values.name,
      role: values.role as Role,
      password,
    });
    console.log(`Created ${user.role} ${user.email}${values.password ? '' : ` with password ${password} (shown once)`}`);
  } finally {
    await database.close();
  }
}

async function main() {
  const [command = 'start', ...rest] = process.argv.slice(2);
  const config = loadConfig();
  switch (command) {
    case 'start':
      return start(config);
    case 'migrate':
      return migrate(config);
    case 'seed':
      return seed(config);
    case 'user':
      return createUserCommand(config, rest);
    case 'backup':
      return backupCommand(config, rest);
    case 'restore':
      return restoreCommand(config, rest);
    default:
      throw new ConfigError(`unknown command "${command}"\n${USAGE}`);
  }
}

main().catch((err: unknown) => {
  // Known problems get one line; anything else gets its message, still without a stack trace.
  if (
    err instanceof ConfigError ||
    err instanceof DatabaseCheckError ||
    err instanceof AppError ||
    err instanceof BackupFileError ||
    err instanceof BackupToolError
  ) {
    console.error(`Cannot start: ${err.message}`);
  } else {
    console.error(`Cannot start: ${err instanceof Error ? err.message : String(err)}`);
    if (process.env.DEBUG) console.error(err);
  }
  process.exit(1);
});
