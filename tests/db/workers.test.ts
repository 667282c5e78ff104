import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/src/db/database.js';
import { createTestDatabase } from '../helpers/test-database.js';
import { TEST_DATABASE_URL, databaseUrlFor } from '../helpers/test-database-url.js';

/**
 * WORKERS (issue 18, item 2): with DATABASE_URL, `npm start` runs one primary that migrates and then forks server
 * processes sharing the port; one that dies is replaced, and SIGTERM stops them all. (Real server only: the embedded
 * database serves one process.)
 */
const ps = () =>
  execFileSync('ps', ['-A', '-o', 'pid=,ppid=,args='], { encoding: 'utf8' })
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), args: m[3] }));

/** The server processes under `root`: the primary and its workers, each running main.ts. */
function serverProcesses(root: number): number[] {
  const all = ps();
  const found: number[] = [];
  const walk = (pid: number) => {
    for (const child of all.filter((p) => p.ppid === pid)) {
      if (child.args.includes('server/src/main.ts')) found.push(child.pid);
      walk(child.pid);
    }
  };
  walk(root);
  return found;
}

const until = async (what: string, check: () => boolean | Promise<boolean>, ms = 60_000) => {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
};

/**
 * GET /api/health. A keep-alive connection to a worker just killed fails, as it would for any client, and a connection
 * the primary accepted for that worker may never be answered: each try gives up after 10 s, and there are three.
 */
async function health(base: string): Promise<number> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return (await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(10_000) })).status;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

describe.runIf(TEST_DATABASE_URL)('WORKERS on a real PostgreSQL server', () => {
  let server: ChildProcess;
  let database: Database;
  let output = '';
  let base = '';

  beforeAll(async () => {
    // Kept open until the end: closing a test database drops it.
    database = await createTestDatabase();
    const { rows } = await sql<{ name: string }>`SELECT current_database() AS name`.execute(database.db);
    server = spawn('node_modules/.bin/tsx', ['server/src/main.ts', 'start'], {
      env: {
        ...process.env,
        DATABASE_URL: databaseUrlFor(rows[0].name),
        JWT_SECRET: 'workers-test-secret-that-is-long-enough-0123',
        WORKERS: '2',
        PORT: '0',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await until('the ready line', () => /Open:\s+(http:\/\/\S+?)\/\s/.test(output), 120_000).catch((error: unknown) => {
      throw new Error(`${String(error)}; the server said:\n${output}`);
    });
    base = /Open:\s+(http:\/\/\S+?)\/\s/.exec(output)![1];
  }, 150_000);

  afterAll(async () => {
    if (server?.exitCode === null) server.kill('SIGKILL');
    await until('the server to exit', () => server?.exitCode !== null || server?.signalCode !== null, 20_000);
    await database?.close();
  });

  it('starts a primary and two workers that answer on one port', async () => {
    expect(output).toContain('2 worker processes');
    expect(serverProcesses(server.pid!).length).toBeGreaterThanOrEqual(3);
    for (let i = 0; i < 6; i += 1) expect(await health(base)).toBe(200);
  });

  it('replaces a worker that dies, and keeps answering meanwhile', async () => {
    const before = serverProcesses(server.pid!);
    // The deepest ones are the workers (the primary's children).
    const worker = before[before.length - 1];
    process.kill(worker, 'SIGKILL');
    expect(await health(base)).toBe(200);
    // A new worker compiles main.ts through tsx again: on a CI machine busy with other test files that takes a while.
    await until('a new worker', () => output.includes('starting another') && serverProcesses(server.pid!).length >= before.length, 100_000);
    expect(serverProcesses(server.pid!)).not.toContain(worker);
    expect(await health(base)).toBe(200);
  }, 120_000);

  it('stops every process on SIGTERM', async () => {
    const all = serverProcesses(server.pid!);
    server.kill('SIGTERM');
    await until('every process to exit', () => all.every((pid) => !ps().some((p) => p.pid === pid)), 20_000);
  });
});
