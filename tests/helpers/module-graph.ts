import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** module → the modules it imports, each with one importing file as evidence. */
export type ModuleGraph = Map<string, Map<string, string>>;

// Static imports and re-exports (type-only ones too: they are a dependency of the design) and dynamic import().
const SPECIFIER = /(?:\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)['"](\.{1,2}\/[^'"]+)['"]/g;

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** The import graph between the folders of `modulesDir` (server/src/modules/*), from the relative imports of its .ts files. */
export function moduleGraph(modulesDir: string): ModuleGraph {
  const graph: ModuleGraph = new Map();
  for (const file of tsFiles(modulesDir)) {
    const from = path.relative(modulesDir, file).split(path.sep)[0];
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(SPECIFIER)) {
      const target = path.relative(modulesDir, path.resolve(path.dirname(file), specifier));
      if (target.startsWith('..')) continue;
      const to = target.split(path.sep)[0];
      if (to === from) continue;
      const edges = graph.get(from) ?? new Map<string, string>();
      if (!edges.has(to)) edges.set(to, `${path.relative(modulesDir, file)} → ${specifier}`);
      graph.set(from, edges);
    }
  }
  return graph;
}

/** Strongly connected components with more than one module (Tarjan), each sorted, the list sorted by its first name. */
export function tangles(graph: ModuleGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node)?.keys() ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1) found.push(component.sort());
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return found.sort((a, b) => a[0].localeCompare(b[0]));
}

/** The shortest import path from `from` back to itself, as "a → b → a" with the evidence per step, or null. */
export function cyclePath(graph: ModuleGraph, from: string): string | null {
  const previous = new Map<string, string>();
  const queue = [from];
  while (queue.length) {
    const node = queue.shift()!;
    for (const next of graph.get(node)?.keys() ?? []) {
      if (next === from) {
        const chain = [node];
        while (chain[0] !== from) chain.unshift(previous.get(chain[0])!);
        chain.push(from);
        return chain
          .slice(1)
          .map((to, i) => `${chain[i]} → ${to} (${graph.get(chain[i])!.get(to)!})`)
          .join('\n');
      }
      if (!previous.has(next) && next !== from) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return null;
}

/** Pairs of modules that import each other directly, "a ⇄ b" with a < b. */
export function twoWayPairs(graph: ModuleGraph): string[] {
  const pairs: string[] = [];
  for (const [a, edges] of graph) {
    for (const b of edges.keys()) if (a < b && graph.get(b)?.has(a)) pairs.push(`${a} ⇄ ${b}`);
  }
  return pairs.sort();
}
