// npm run sql:snapshots: writes server/src/queries/*.sql from the repositories (see docs/sql-snapshots.md).
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { QUERIES_DIR, generateSnapshots } from './snapshots.js';

const dir = path.resolve(import.meta.dirname, '../..', QUERIES_DIR);
const snapshots = await generateSnapshots();
mkdirSync(dir, { recursive: true });
// A snapshot whose repository left the list goes with it.
for (const name of readdirSync(dir)) if (name.endsWith('.sql') && !snapshots.has(name)) rmSync(path.join(dir, name));
for (const [name, text] of snapshots) writeFileSync(path.join(dir, name), text);
console.log(`wrote ${snapshots.size} files to ${QUERIES_DIR}/`);
