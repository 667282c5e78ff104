import { availableParallelism } from 'node:os';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/src/config.js';

const dirs: string[] = [];
function dataDir() {
  const dir = mkdtempSync(path.join(tmpdir(), 'cd-config-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('loadConfig', () => {
  it('defaults to the embedded database on 127.0.0.1:3000 with demo data', () => {
    const dir = dataDir();
    const config = loadConfig({ DATA_DIR: dir });
    expect(config).toMatchObject({ port: 3000, host: '127.0.0.1', dataDir: dir, databaseUrl: null, demoData: true });
    expect(config.adminEmail).toBeNull();
  });

  it('generates the JWT secret once in embedded mode and keeps it in DATA_DIR', () => {
    const dir = dataDir();
    const first = loadConfig({ DATA_DIR: dir }).jwtSecret;
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(path.join(dir, 'jwt-secret'), 'utf8')).toBe(first);
    expect(loadConfig({ DATA_DIR: dir }).jwtSecret).toBe(first);
  });

  it('with DATABASE_URL requires JWT_SECRET and turns demo data off by default', () => {
    const url = 'postgres://u:p@localhost:5432/db';
    expect(() => loadConfig({ DATABASE_URL: url })).toThrow(/JWT_SECRET is required/);
    const config = loadConfig({ DATABASE_URL: url, JWT_SECRET: 'x'.repeat(40) });
    expect(config).toMatchObject({ databaseUrl: url, demoData: false });
    expect(loadConfig({ DATABASE_URL: url, JWT_SECRET: 'x'.repeat(40), DEMO_DATA: 'true' }).demoData).toBe(true);
  });

  it.each([
    [{ PORT: 'abc' }, /PORT must be a whole number/],
    [{ PORT: '70000' }, /PORT must be a whole number/],
    [{ DEMO_DATA: 'maybe' }, /DEMO_DATA must be true or false/],
    [{ DATABASE_URL: 'not a url', JWT_SECRET: 'x'.repeat(40) }, /DATABASE_URL is not a valid URL/],
    [{ DATABASE_URL: 'mysql://localhost/db', JWT_SECRET: 'x'.repeat(40) }, /must start with postgres/],
    [{ JWT_SECRET: 'short' }, /at least 32 characters/],
    [{ ADMIN_EMAIL: 'a@b.org' }, /must be set together/],
    [{ ADMIN_EMAIL: 'nope', ADMIN_PASSWORD: 'long enough pw' }, /not an email address/],
    [{ ADMIN_EMAIL: 'a@b.org', ADMIN_PASSWORD: 'short' }, /at least 10 characters/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL must be one of/],
  ])('refuses %j with a one-line reason', (env, message) => {
    const run = () => loadConfig({ DATA_DIR: dataDir(), ...env });
    expect(run).toThrow(ConfigError);
    expect(run).toThrow(message);
  });

  it('reads the reverse-proxy settings: TRUST_PROXY as a flag, a hop count or addresses; PUBLIC_URL as a bare origin', () => {
    const base = { DATA_DIR: dataDir() };
    expect(loadConfig(base)).toMatchObject({ trustProxy: false, publicUrl: null });
    expect(loadConfig({ ...base, TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ ...base, TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ ...base, TRUST_PROXY: '127.0.0.1, 10.0.0.0/8' }).trustProxy).toBe('127.0.0.1,10.0.0.0/8');
    expect(loadConfig({ ...base, PUBLIC_URL: 'https://directory.example.org/' }).publicUrl).toBe('https://directory.example.org');
    expect(() => loadConfig({ ...base, TRUST_PROXY: 'proxy.local' })).toThrow(/TRUST_PROXY must be/);
    expect(() => loadConfig({ ...base, PUBLIC_URL: 'directory.example.org' })).toThrow(/PUBLIC_URL is not a valid URL/);
    expect(() => loadConfig({ ...base, PUBLIC_URL: 'https://example.org/app' })).toThrow(/without a path/);
  });

  it('reads SMTP_URL and MAIL_FROM together, or runs without email when neither is set', () => {
    const base = { DATA_DIR: dataDir() };
    expect(loadConfig(base).mail).toBeNull();
    const mail = { SMTP_URL: 'smtps://user:secret@smtp.example.org:465', MAIL_FROM: 'Organisation <events@example.org>' };
    expect(loadConfig({ ...base, ...mail }).mail).toEqual({ url: mail.SMTP_URL, from: mail.MAIL_FROM });
    expect(loadConfig({ ...base, SMTP_URL: 'smtp://mail.local:587', MAIL_FROM: 'events@example.org' }).mail?.from).toBe(
      'events@example.org',
    );
  });

  it.each([
    [{ SMTP_URL: 'smtp://mail.local:587' }, /SMTP_URL and MAIL_FROM must be set together/],
    [{ MAIL_FROM: 'events@example.org' }, /SMTP_URL and MAIL_FROM must be set together/],
    [{ SMTP_URL: 'not a url', MAIL_FROM: 'events@example.org' }, /SMTP_URL is not a valid URL/],
    [{ SMTP_URL: 'http://mail.local', MAIL_FROM: 'events@example.org' }, /must start with smtp:\/\/ or smtps:\/\//],
    [{ SMTP_URL: 'smtp://mail.local', MAIL_FROM: 'Organisation' }, /MAIL_FROM must be an email address/],
    [{ SMTP_URL: 'smtp://mail.local', MAIL_FROM: 'Org <not-an-address>' }, /MAIL_FROM must be an email address/],
  ])('refuses the mail settings %j with a one-line reason', (env, message) => {
    const run = () => loadConfig({ DATA_DIR: dataDir(), ...env });
    expect(run).toThrow(ConfigError);
    expect(run).toThrow(message);
  });

  it('runs one server process unless WORKERS asks for more, "auto" being one per core, and refuses a bad value', () => {
    expect(loadConfig({ DATA_DIR: dataDir() }).workers).toBe(1);
    expect(loadConfig({ DATA_DIR: dataDir(), WORKERS: '2' }).workers).toBe(2);
    expect(loadConfig({ DATA_DIR: dataDir(), WORKERS: 'auto' }).workers).toBe(availableParallelism());
    for (const bad of ['0', '-1', '1.5', 'many', '65']) {
      expect(() => loadConfig({ DATA_DIR: dataDir(), WORKERS: bad })).toThrow(/WORKERS must be "auto" or a whole number from 1 to 64/);
    }
  });

  it('keeps deleted things 30 days unless TRASH_DAYS says otherwise, and refuses a bad value', () => {
    expect(loadConfig({ DATA_DIR: dataDir() }).trashDays).toBe(30);
    expect(loadConfig({ DATA_DIR: dataDir(), TRASH_DAYS: '90' }).trashDays).toBe(90);
    for (const bad of ['0', '-1', '2.5', 'month', '4000']) {
      expect(() => loadConfig({ DATA_DIR: dataDir(), TRASH_DAYS: bad })).toThrow(
        /TRASH_DAYS must be a whole number of days from 1 to 3650/,
      );
    }
  });

  it('does not repeat an unparsable SMTP_URL, which may hold a password', () => {
    expect(() => loadConfig({ DATA_DIR: dataDir(), SMTP_URL: 'smtp://user:pa ss word@', MAIL_FROM: 'a@b.org' })).toThrow(
      /^(?!.*pa ss word)/,
    );
  });
});
