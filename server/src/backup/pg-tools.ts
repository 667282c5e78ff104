import { spawn } from 'node:child_process';

export class BackupToolError extends Error {}

/** Runs a PostgreSQL client tool, feeding `input` and collecting stdout; a missing tool gets a sentence, not ENOENT. */
export function runTool(tool: 'pg_dump' | 'pg_restore', args: string[], input?: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        new BackupToolError(
          error.code === 'ENOENT'
            ? `${tool} is not installed; install the PostgreSQL client of your server's version (e.g. apt-get install postgresql-client-15)`
            : `${tool} could not start: ${error.message}`,
        ),
      ),
    );
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out));
      else reject(new BackupToolError(`${tool} failed: ${Buffer.concat(err).toString('utf8').trim().split('\n').slice(-3).join(' ')}`));
    });
    child.stdin.on('error', () => {});
    child.stdin.end(input);
  });
}

/** The major version of a client tool ("pg_dump (PostgreSQL) 15.20" → 15). */
export async function toolMajor(tool: 'pg_dump' | 'pg_restore'): Promise<number> {
  const text = (await runTool(tool, ['--version'])).toString('utf8');
  const match = /\)\s+(\d+)/.exec(text);
  if (!match) throw new BackupToolError(`Could not read the version of ${tool} ("${text.trim()}")`);
  return Number(match[1]);
}
