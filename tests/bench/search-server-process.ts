import { buildApp } from '../../server/src/app.js';
import { openPostgres } from '../../server/src/db/database.js';

/**
 * The API server in a process of its own, so the load generator does not share its event loop (as in production,
 * where clients are elsewhere). Started by search.bench.ts with fork(); reports its address over IPC.
 */
const [databaseUrl, jwtSecret] = [process.env.BENCH_SERVER_DATABASE_URL!, process.env.BENCH_SERVER_JWT_SECRET!];
const database = openPostgres(databaseUrl, 16);
const app = await buildApp({ db: database.db, jwtSecret });
const address = await app.listen({ port: 0, host: '127.0.0.1' });
process.send!({ address });
process.on('message', (message) => {
  if (message !== 'close') return;
  void app
    .close()
    .then(() => database.close())
    .then(() => process.exit(0));
});
