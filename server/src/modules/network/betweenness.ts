/**
 * Betweenness centrality (Brandes 2001) of an unweighted, undirected graph. Parallel edges and self-loops are
 * ignored. Scores count each unordered pair of endpoints once (the directed sums halved), not normalised.
 */
export function betweenness(nodeIds: readonly string[], edges: readonly (readonly [string, string])[]): Map<string, number> {
  const index = new Map(nodeIds.map((id, i) => [id, i]));
  const n = nodeIds.length;
  const neighbourSets: Set<number>[] = Array.from({ length: n }, () => new Set());
  for (const [a, b] of edges) {
    const i = index.get(a);
    const j = index.get(b);
    if (i === undefined || j === undefined || i === j) continue;
    neighbourSets[i].add(j);
    neighbourSets[j].add(i);
  }
  const adj = neighbourSets.map((s) => [...s]);
  const cb = new Float64Array(n);
  const sigma = new Float64Array(n);
  const dist = new Int32Array(n);
  const delta = new Float64Array(n);
  const queue = new Int32Array(n);
  const stack = new Int32Array(n);
  const preds: number[][] = Array.from({ length: n }, () => []);
  for (let s = 0; s < n; s++) {
    sigma.fill(0);
    dist.fill(-1);
    delta.fill(0);
    for (const p of preds) p.length = 0;
    sigma[s] = 1;
    dist[s] = 0;
    let head = 0;
    let tail = 0;
    let top = 0;
    queue[tail++] = s;
    while (head < tail) {
      const v = queue[head++];
      stack[top++] = v;
      for (const w of adj[v]) {
        if (dist[w] < 0) {
          dist[w] = dist[v] + 1;
          queue[tail++] = w;
        }
        if (dist[w] === dist[v] + 1) {
          sigma[w] = sigma[w] + sigma[v];
          preds[w].push(v);
        }
      }
    }
    while (top > 0) {
      const w = stack[--top];
      for (const v of preds[w]) delta[v] = delta[v] + (sigma[v] / sigma[w]) * (1 + delta[w]);
      if (w !== s) cb[w] = cb[w] + delta[w];
    }
  }
  return new Map(nodeIds.map((id, i) => [id, cb[i] / 2]));
}
