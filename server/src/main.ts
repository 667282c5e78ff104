import { parseArgs } from 'node:util';
import { buildApp } from './app.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { checkArabicTrigrams, DatabaseCheckError, type Database } from './db/database.js';
import { openConfiguredDatabase } from './db/open.js';
import { migrateToLatest } from './db/migrate.js';
import { backfillSearchKeys } from './modules/search/search-backfill.js';
import { ensureDemoData, ensureFirstAdmin } from './bootstrap.js';
import { WEB_BUILD_DIR, ensureWebBuild } from './web-build.js';
import { createUserRecord } from './modules/users/users.service.js';
import { generatePassword } from './modules/auth/password.js';
import { ROLES, type Role } from './domain/roles.js';
import { AppError } from './errors.js';

const USAGE = `Usage: tsx server/src/main.ts <command>
  start    migrate, create the first admin, load demo data (embedded), build the web app if needed, serve
  migrate  apply pending migrations and exit
  seed     load the demo data set (once per database) and exit
  user     create an account: user --email a@b.org --name "Name" --role coordinator [--password …]`;

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
  const started = Date.now();
  const [database] = await Promise.all([prepareDatabase(config), ensureWebBuild()]);
  const firstAdmin = await ensureFirstAdmin(database.db, config.adminEmail, config.adminPassword);
  if (config.demoData) {
    const loaded = await ensureDemoData(database.db);
    if (loaded) console.log(`Loaded ${loaded} demo contacts (invented ones are fictional; see README).`);
  }
  const app = await buildApp({
    db: database.db,
    jwtSecret: config.jwtSecret,
    webRoot: WEB_BUILD_DIR,
    logger: { level: config.logLevel },
    trustProxy: config.trustProxy,
    publicUrl: config.publicUrl,
  });
  const shutdown = async (signal: string) => {
    app.log.info(`${signal}: shutting down`);
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  const address = await app.listen({ port: config.port, host: config.host });
  const where = database.kind === 'embedded' ? `embedded PostgreSQL in ${config.dataDir}` : 'PostgreSQL server';
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
    default:
      throw new ConfigError(`unknown command "${command}"\n${USAGE}`);
  }
}

main().catch((err: unknown) => {
  // Known problems get one line; anything else gets its message, still without a stack trace.
  if (err instanceof ConfigError || err instanceof DatabaseCheckError || err instanceof AppError) {
    console.error(`Cannot start: ${err.message}`);
  } else {
    console.error(`Cannot start: ${err instanceof Error ? err.message : String(err)}`);
    if (process.env.DEBUG) console.error(err);
  }
  process.exit(1);
});
