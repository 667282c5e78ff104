import cluster from 'node:cluster';

/** A worker that dies this soon after starting is restarted after a longer pause, so a broken set-up does not spin. */
const QUICK_DEATH_MS = 5_000;

/**
 * The primary of a WORKERS > 1 server: forks `count` processes that each serve the port (Node's cluster shares it),
 * restarts one that dies, and passes SIGINT/SIGTERM on. Resolves with the address once every worker listens. Nothing
 * the workers need lives in one process: sessions are JWTs, limits and scheduled jobs are in PostgreSQL.
 */
export function forkWorkers(count: number, log: (message: string) => void): Promise<string> {
  return new Promise((resolve) => {
    let stopping = false;
    let listening = 0;
    const startedAt = new Map<number, number>();
    const fork = () => {
      const worker = cluster.fork();
      startedAt.set(worker.id, Date.now());
    };
    cluster.on('listening', (_worker, address) => {
      listening += 1;
      if (listening === count) resolve(`http://${address.addressType === 6 ? `[${address.address}]` : address.address}:${address.port}`);
    });
    cluster.on('exit', (worker, code, signal) => {
      if (stopping) {
        if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
        return;
      }
      const quick = Date.now() - (startedAt.get(worker.id) ?? 0) < QUICK_DEATH_MS;
      log(`worker ${worker.process.pid} stopped (${signal ?? code}); starting another`);
      setTimeout(fork, quick ? QUICK_DEATH_MS : 500);
    });
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        stopping = true;
        for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
        // Workers close their connections first; past this, the primary stops anyway.
        setTimeout(() => process.exit(0), 10_000).unref();
      });
    }
    for (let i = 0; i < count; i += 1) fork();
  });
}
