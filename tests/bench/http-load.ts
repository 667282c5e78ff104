import autocannon from 'autocannon';
import { percentile } from '../helpers/search-quality.js';

export interface HttpFigures {
  sequential: { p50: number; p99: number };
  load: { seconds: number; rps: number; p50: number; p99: number; errors: number; non2xx: number };
}

const url = (base: string, q: string) => `${base}/api/search?q=${encodeURIComponent(q)}&limit=10`;

/** Warm sequential latency over distinct queries, then a bounded load at concurrency 32 (loopback only). */
export async function measureHttp(base: string, token: string, queries: string[]): Promise<HttpFigures> {
  const headers = { authorization: `Bearer ${token}` };
  for (const q of queries.slice(0, 100)) await fetch(url(base, q), { headers });
  const times: number[] = [];
  for (const q of queries) {
    const started = performance.now();
    const res = await fetch(url(base, q), { headers });
    await res.arrayBuffer();
    times.push(performance.now() - started);
  }
  const seconds = 10;
  let next = 0;
  const result = await autocannon({
    url: base,
    connections: 32,
    duration: seconds,
    headers,
    requests: [
      {
        setupRequest: (req) => {
          const q = queries[next++ % queries.length];
          return { ...req, method: 'GET', path: `/api/search?q=${encodeURIComponent(q)}&limit=10` };
        },
      },
    ],
  });
  return {
    sequential: { p50: percentile(times, 50), p99: percentile(times, 99) },
    load: {
      seconds,
      rps: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors: result.errors + result.timeouts,
      non2xx: result.non2xx,
    },
  };
}
