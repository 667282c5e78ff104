import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { availableParallelism } from 'node:os';
import { DEFAULT_AUDIT_ALERTS, type AuditAlertThresholds } from './modules/audit/audit-alerts.js';
import { DEFAULT_TRASH_DAYS } from './domain/trash/vocabulary.js';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  jwtSecret: string;
  adminEmail: string | null;
  adminPassword: string | null;
  demoData: boolean;
  logLevel: string;
  /** Fastify's trustProxy: false, true, a hop count or a list of proxy addresses. */
  trustProxy: boolean | number | string;
  /** The address users open (https://… behind a TLS proxy); null when the server is reached directly. */
  publicUrl: string | null;
  /** Embedded database: daily backups kept in DATA_DIR/backups (0 = no automatic backups). */
  backupKeep: number;
  /** Outgoing mail (SMTP_URL + MAIL_FROM); null when not configured: the product runs, email sending says how to set it up. */
  mail: MailConfig | null;
  /** AUDIT_ALERT_RESTRICTED, AUDIT_ALERT_FAILED_LOGINS, AUDIT_ALERT_ADDRESSES: the audit viewer's "needs a look" thresholds. */
  auditAlerts: AuditAlertThresholds;
  /** TRASH_DAYS: how long deleted things (and merges) can be brought back before the scheduled purge. */
  trashDays: number;
  /** WORKERS: server processes sharing the port (a number, or "auto" for one per core); only with DATABASE_URL. */
  workers: number;
}

export interface MailConfig {
  /** smtp://user:pass@host:587 (STARTTLS when offered) or smtps://user:pass@host:465. */
  url: string;
  /** The From address, e.g. "Organisation <events@example.org>". */
  from: string;
}

/** A wrong setting stops start-up with this one-line reason instead of a stack trace. */
export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function parsePort(value: string | undefined): number {
  if (value === undefined || value === '') return 3000;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be a whole number from 0 to 65535, got "${value}"`);
  }
  return port;
}

function parseBoolean(name: string, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  if (/^(true|1|yes)$/i.test(value)) return true;
  if (/^(false|0|no)$/i.test(value)) return false;
  throw new ConfigError(`${name} must be true or false, got "${value}"`);
}

function parseDatabaseUrl(value: string | undefined): string | null {
  if (value === undefined || value === '') return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError('DATABASE_URL is not a valid URL (expected postgres://user:password@host:5432/database)');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(`DATABASE_URL must start with postgres:// or postgresql://, got "${url.protocol}//"`);
  }
  return value;
}

function parseAdmin(env: Env): { adminEmail: string | null; adminPassword: string | null } {
  const adminEmail = env.ADMIN_EMAIL?.trim() || null;
  const adminPassword = env.ADMIN_PASSWORD || null;
  if ((adminEmail === null) !== (adminPassword === null)) {
    throw new ConfigError('ADMIN_EMAIL and ADMIN_PASSWORD must be set together');
  }
  if (adminEmail !== null && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(adminEmail)) {
    throw new ConfigError(`ADMIN_EMAIL is not an email address: "${adminEmail}"`);
  }
  if (adminPassword !== null && adminPassword.length < 10) {
    throw new ConfigError('ADMIN_PASSWORD must be at least 10 characters long');
  }
  return { adminEmail, adminPassword };
}

/** Embedded mode keeps a generated secret in DATA_DIR so sessions survive a restart. */
function embeddedJwtSecret(dataDir: string): string {
  const file = path.join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

function resolveJwtSecret(env: Env, databaseUrl: string | null, dataDir: string): string {
  const secret = env.JWT_SECRET;
  if (secret !== undefined && secret !== '') {
    if (secret.length < 32) throw new ConfigError('JWT_SECRET must be at least 32 characters long');
    return secret;
  }
  if (databaseUrl !== null) throw new ConfigError('JWT_SECRET is required when DATABASE_URL is set');
  return embeddedJwtSecret(dataDir);
}

function parseBackupKeep(value: string | undefined): number {
  if (value === undefined || value === '') return 7;
  const keep = Number(value);
  if (!Number.isInteger(keep) || keep < 0 || keep > 365) {
    throw new ConfigError(`BACKUP_KEEP must be a whole number from 0 (no automatic backups) to 365, got "${value}"`);
  }
  return keep;
}

function parseTrashDays(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_TRASH_DAYS;
  const days = Number(value);
  if (!Number.isInteger(days) || days < 1 || days > 3650) {
    throw new ConfigError(`TRASH_DAYS must be a whole number of days from 1 to 3650, got "${value}"`);
  }
  return days;
}

function parseTrustProxy(value: string | undefined): boolean | number | string {
  if (value === undefined || value === '' || /^(false|0|no)$/i.test(value)) return false;
  if (/^(true|yes)$/i.test(value)) return true;
  if (/^[1-9]\d?$/.test(value)) return Number(value);
  const addresses = value.split(',').map((a) => a.trim());
  if (addresses.every((a) => /^[0-9a-f.:]+(\/\d{1,3})?$/i.test(a))) return addresses.join(',');
  throw new ConfigError(
    `TRUST_PROXY must be true, false, the number of proxies in front, or their addresses (e.g. 127.0.0.1,10.0.0.0/8); got "${value}"`,
  );
}

function parsePublicUrl(value: string | undefined): string | null {
  if (value === undefined || value === '') return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`PUBLIC_URL is not a valid URL (expected e.g. https://directory.example.org), got "${value}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError(`PUBLIC_URL must start with https:// (or http:// for a test set-up), got "${url.protocol}//"`);
  }
  if (url.pathname !== '/' || url.search || url.hash) {
    throw new ConfigError('PUBLIC_URL must be the bare origin, without a path (the app is served at the root)');
  }
  return url.origin;
}

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/** "Name <a@b.org>" or "a@b.org": the address part must be an email address. */
function parseMailFrom(value: string): string {
  const angle = /^(.*)<([^<>]+)>$/.exec(value);
  const address = (angle ? angle[2] : value).trim();
  if (!EMAIL.test(address)) {
    throw new ConfigError(
      `MAIL_FROM must be an email address, optionally with a name ("Organisation <events@example.org>"), got "${value}"`,
    );
  }
  return value;
}

function parseMail(env: Env): MailConfig | null {
  const url = env.SMTP_URL?.trim() || null;
  const from = env.MAIL_FROM?.trim() || null;
  if ((url === null) !== (from === null))
    throw new ConfigError('SMTP_URL and MAIL_FROM must be set together (or neither, to run without email)');
  if (url === null || from === null) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // The value may hold a password: the message does not repeat it.
    throw new ConfigError('SMTP_URL is not a valid URL (expected smtp://user:password@host:587 or smtps://user:password@host:465)');
  }
  if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') {
    throw new ConfigError(`SMTP_URL must start with smtp:// or smtps://, got "${parsed.protocol}//"`);
  }
  if (!parsed.hostname) throw new ConfigError('SMTP_URL needs a host name (smtp://user:password@host:587)');
  return { url, from: parseMailFrom(from) };
}

function parseThreshold(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 100_000)
    throw new ConfigError(`${name} must be a whole number from 1 to 100000, got "${value}"`);
  return n;
}

function parseAuditAlerts(env: Env): AuditAlertThresholds {
  return {
    restricted: parseThreshold('AUDIT_ALERT_RESTRICTED', env.AUDIT_ALERT_RESTRICTED, DEFAULT_AUDIT_ALERTS.restricted),
    failedLogins: parseThreshold('AUDIT_ALERT_FAILED_LOGINS', env.AUDIT_ALERT_FAILED_LOGINS, DEFAULT_AUDIT_ALERTS.failedLogins),
    addresses: parseThreshold('AUDIT_ALERT_ADDRESSES', env.AUDIT_ALERT_ADDRESSES, DEFAULT_AUDIT_ALERTS.addresses),
  };
}

export function loadConfig(env: Env = process.env): Config {
  const databaseUrl = parseDatabaseUrl(env.DATABASE_URL);
  const dataDir = path.resolve(env.DATA_DIR || './data');
  const host = env.HOST || '127.0.0.1';
  const logLevel = env.LOG_LEVEL || 'info';
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent; got "${logLevel}"`);
  }
  return {
    port: parsePort(env.PORT),
    host,
    dataDir,
    databaseUrl,
    jwtSecret: resolveJwtSecret(env, databaseUrl, dataDir),
    ...parseAdmin(env),
    demoData: parseBoolean('DEMO_DATA', env.DEMO_DATA, databaseUrl === null),
    logLevel,
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    publicUrl: parsePublicUrl(env.PUBLIC_URL),
    backupKeep: parseBackupKeep(env.BACKUP_KEEP),
    mail: parseMail(env),
    auditAlerts: parseAuditAlerts(env),
    trashDays: parseTrashDays(env.TRASH_DAYS),
    workers: parseWorkers(env.WORKERS),
  };
}

const MAX_WORKERS = 64;

function parseWorkers(value: string | undefined): number {
  if (value === undefined || value === '') return 1;
  if (value === 'auto') return availableParallelism();
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > MAX_WORKERS) {
    throw new ConfigError(`WORKERS must be "auto" or a whole number from 1 to ${MAX_WORKERS}, got "${value}"`);
  }
  return n;
}
