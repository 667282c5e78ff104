import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Database } from '../db/database.js';
import { takeBackup } from './backup.service.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const PATTERN = /^backup-\d{8}-\d{6}\.cdbackup$/;

export const backupFileName = (at: Date) => `backup-${at.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15)}.cdbackup`;

/** Writes next to the target and renames, so a crash mid-write never leaves a half file under the final name. */
export function writeFileAtomically(file: string, data: Buffer): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.partial`;
  writeFileSync(temporary, data, { mode: 0o600 });
  renameSync(temporary, file);
}

/** The backups in `dir`, oldest first. */
export function listBackups(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((name) => PATTERN.test(name))
      .sort();
  } catch {
    return [];
  }
}

/** Takes one backup into `dir` and keeps the newest `keep`. */
export async function backupInto(database: Database, dir: string, keep: number, now = new Date()): Promise<string> {
  const { file } = await takeBackup(database, null);
  const target = path.join(dir, backupFileName(now));
  writeFileAtomically(target, file);
  const all = listBackups(dir);
  for (const old of all.slice(0, Math.max(0, all.length - keep))) rmSync(path.join(dir, old), { force: true });
  return target;
}

/**
 * The embedded database backs itself up once a day into DATA_DIR/backups, keeping the last `keep` (issue 12,
 * item 4). The first one is taken soon after start when the newest is older than a day. Answers a stop function.
 */
export function startDailyBackups(database: Database, dir: string, keep: number, log: (message: string) => void): () => void {
  const run = () =>
    backupInto(database, dir, keep).then(
      (file) => log(`Backup written: ${file}`),
      (error: Error) => log(`Backup failed: ${error.message}`),
    );
  const newest = listBackups(dir).at(-1);
  const age = newest ? Date.now() - statSync(path.join(dir, newest)).mtimeMs : Infinity;
  const first = setTimeout(() => void run(), age > DAY_MS ? 60_000 : DAY_MS - age);
  const daily = setInterval(() => void run(), DAY_MS);
  first.unref();
  daily.unref();
  return () => {
    clearTimeout(first);
    clearInterval(daily);
  };
}
