import { openBenchDatabase } from '../bench-database.js';
import { buildLabelledDirectory, freshSearcher } from '../../helpers/search-quality.js';
import { search } from '../../../server/src/modules/search/search.service.js';
import { Session } from 'node:inspector/promises';
import { writeFileSync, readFileSync, readdirSync } from 'node:fs';
const pgCpuMs = () => {
  let ticks = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (!stat.includes('(postgres)')) continue;
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(f[11]) + Number(f[12]);
    } catch {}
  }
  return ticks * 10;
};

const bench = await openBenchDatabase();
const db = bench.database.db;
const t0 = performance.now();
const dir = await buildLabelledDirectory(db, bench.admin, { size: Number(process.env.SIZE ?? 100000), seed: 2024, perGroup: 40 });
console.log('built', Math.round(performance.now() - t0), 'ms', dir.cases.length, 'cases');
const actor = await freshSearcher(db);
const queries = dir.cases.map((c) => c.query);
for (const q of queries) await search(db, actor, q, {}, 10);
{
  const c0 = process.cpuUsage(); const p0 = pgCpuMs(); const w = performance.now();
  for (let r = 0; r < 3; r++) for (const q of queries) await search(db, actor, q, {}, 10);
  const c = process.cpuUsage(c0); const n = queries.length * 3;
  console.log(`no profiler: n=${n} wall/req ${((performance.now() - w) / n).toFixed(2)} ms, node cpu/req ${((c.user + c.system) / 1000 / n).toFixed(2)} ms, pg cpu/req ${((pgCpuMs() - p0) / n).toFixed(2)} ms`);
}
const cpu0 = process.cpuUsage();
const w0 = performance.now();
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.start');
for (let r = 0; r < 2; r++) for (const q of queries) await search(db, actor, q, {}, 10);
const { profile } = await session.post('Profiler.stop');
const cpu = process.cpuUsage(cpu0);
const n = queries.length * 2;
console.log(`n=${n} wall/req ${((performance.now() - w0) / n).toFixed(2)} ms, node cpu/req ${((cpu.user + cpu.system) / 1000 / n).toFixed(2)} ms`);
writeFileSync('/tmp/search.cpuprofile', JSON.stringify(profile));
await bench.close();
