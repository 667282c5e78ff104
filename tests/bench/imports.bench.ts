/**
 * npm run bench:imports — imports and duplicates at directory scale: 100k generated contacts plus seeded true
 * duplicates (spelling variants with the same phone, and the same name in another governorate), then
 *   1. the duplicates scan over the directory (first run keys every name, second run is the steady state), its recall
 *      of the seeded pairs, beside the naive baseline (every pair compared in TypeScript, timed on a sample and scaled);
 *   2. upload, preview and commit of a 10,000-row CSV (9,000 new people, 1,000 rows of existing contacts), beside the
 *      per-row baseline (check-duplicates once per row, timed on 200 rows and scaled) and the 15 s budget.
 * Environment: BENCH_DATABASE_URL (a real server; unset = embedded PGlite), BENCH_CONTACTS (100000).
 */
import { sql } from 'kysely';
import { generateContacts, type SyntheticContact } from '../../seeds/synthetic/generate.js';
import { loadSyntheticContacts } from '../../seeds/synthetic/load.js';
import { duplicateReasons } from '../../server/src/domain/duplicates/duplicate-score.js';
import { checkDuplicates, listDuplicates } from '../../server/src/modules/duplicates/duplicates.service.js';
import { uploadImport, previewImport } from '../../server/src/modules/imports/imports.service.js';
import { commitImport } from '../../server/src/modules/imports/import-commit.service.js';
import { toCsv, utf8 } from '../fixtures/imports/import-files.js';
import { openBenchDatabase } from './bench-database.js';

const CONTACTS = Number(process.env.BENCH_CONTACTS ?? 100_000);
const SEED = 2026;
const SAME_PHONE_DUPLICATES = 300;
const SAME_NAME_DUPLICATES = 200;
const IMPORT_NEW = 9_000;
const IMPORT_EXISTING = 1_000;
const BUDGET_MS = 15_000;
const NAIVE_SAMPLE = 300;

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const line = (label: string, ms: number, baseline: string) => console.log(`  ${label.padEnd(38)} ${seconds(ms).padStart(9)}   ${baseline}`);

/** A spelling people really vary: alef with hamza, final ya, ta marbuta, a compound written apart. */
function respell(name: string): string {
  const variant = name
    .replace(/^ا/u, 'أ')
    .replace(/ي(?=\s|$)/gu, 'ى')
    .replace(/ة(?=\s|$)/gu, 'ه')
    .replace(/عبدال/gu, 'عبد ال');
  return variant === name ? `${name.replace(/أ/gu, 'ا').replace(/إ/gu, 'ا')}` : variant;
}

function seededDuplicates(directory: SyntheticContact[]): { copies: SyntheticContact[]; originals: number[] } {
  const copies: SyntheticContact[] = [];
  const originals: number[] = [];
  for (let i = 0; copies.length < SAME_PHONE_DUPLICATES + SAME_NAME_DUPLICATES && i < directory.length; i += 97) {
    const c = directory[i];
    if (c.kind !== 'activist' || c.phones.length === 0) continue;
    const samePhone = copies.length < SAME_PHONE_DUPLICATES;
    copies.push({
      ...c,
      name: samePhone ? respell(c.name) : c.name,
      nameParts: undefined,
      nameLatin: undefined,
      phones: samePhone ? [c.phones[0]] : [],
      emails: [],
      governorates: samePhone ? c.governorates : [c.governorates[0] === 'IQ-BG' ? 'IQ-BA' : 'IQ-BG'],
    });
    originals.push(i);
  }
  return { copies, originals };
}

function importFile(directory: SyntheticContact[]): Buffer {
  const rows = [['الاسم', 'الهاتف', 'المحافظة', 'Email', 'Type', 'Subtype', 'Tags']];
  const row = (c: SyntheticContact) => [
    c.name,
    c.phones.map((p) => `0${p.slice(4)}`).join(' / '),
    c.governorates.join('، '),
    (c.emails ?? []).join(', '),
    c.kind,
    c.subtype ?? '',
    c.tags.join('، '),
  ];
  for (const c of generateContacts(IMPORT_NEW, SEED + 1)) rows.push(row(c));
  for (let i = 0; i < IMPORT_EXISTING; i++) rows.push(row({ ...directory[(i * 53) % directory.length], tags: ['imported'] }));
  return utf8(toCsv(rows), true);
}

async function main() {
  const bench = await openBenchDatabase();
  const db = bench.database.db;
  const actor = bench.admin;
  console.log(`Imports and duplicates benchmark — ${CONTACTS.toLocaleString('en')} generated contacts on ${bench.label}`);
  try {
    let t0 = performance.now();
    const directory = generateContacts(CONTACTS, SEED);
    const ids = await loadSyntheticContacts(db, directory);
    const { copies, originals } = seededDuplicates(directory);
    const copyIds = await loadSyntheticContacts(db, copies);
    await sql`ANALYZE`.execute(db);
    console.log(
      `loaded ${ids.length + copyIds.length} contacts (${copies.length} seeded duplicates) in ${seconds(performance.now() - t0)}\n`,
    );

    console.log('1. Duplicates scan                                 time   baseline');
    t0 = performance.now();
    const first = await listDuplicates(db, actor, { minScore: 0.5, limit: 50, offset: 0 });
    line('first scan (keys every name)', performance.now() - t0, '');
    t0 = performance.now();
    const steady = await listDuplicates(db, actor, { minScore: 0.5, limit: 50, offset: 0 });
    const scanMs = performance.now() - t0;
    const sample = directory.slice(0, NAIVE_SAMPLE).map((c) => ({ ...c, emails: c.emails ?? [] }));
    t0 = performance.now();
    for (let i = 0; i < sample.length; i++) for (let j = i + 1; j < sample.length; j++) duplicateReasons(sample[i], sample[j]);
    const naiveMs = (performance.now() - t0) * (CONTACTS / sample.length) ** 2;
    line(
      'steady scan (keys up to date)',
      scanMs,
      `naive pairwise in TypeScript ≈ ${seconds(naiveMs)} (${NAIVE_SAMPLE}-contact sample × ${Math.round((CONTACTS / NAIVE_SAMPLE) ** 2).toLocaleString('en')})`,
    );
    const all = await listDuplicates(db, actor, { minScore: 0.5, limit: 1_000_000, offset: 0 });
    const found = new Set(all.items.map((p) => [p.a.id, p.b.id].sort().join('|')));
    const seeded = copyIds.map((id, k) => [id, ids[originals[k]]].sort().join('|'));
    const recall = seeded.filter((k) => found.has(k)).length / seeded.length;
    console.log(
      `  pairs listed (score ≥ 0.5): ${first.total.toLocaleString('en')} (steady ${steady.total.toLocaleString('en')}); seeded duplicates found: ${(recall * 100).toFixed(1)}% of ${seeded.length}\n`,
    );

    console.log('2. Import of a 10,000-row CSV                      time   baseline');
    const file = importFile(directory);
    t0 = performance.now();
    const up = await uploadImport(db, actor, 'bench-10k.csv', file);
    const uploadMs = performance.now() - t0;
    line(`upload and parse (${(file.length / 1024 / 1024).toFixed(1)} MB)`, uploadMs, '');
    t0 = performance.now();
    const preview = await previewImport(db, actor, up.id, { mapping: up.guessedMapping });
    const previewMs = performance.now() - t0;
    const sampleRows = await db
      .selectFrom('import_row')
      .select('raw')
      .where('import_id', '=', up.id)
      .orderBy('row_number')
      .limit(200)
      .execute();
    t0 = performance.now();
    for (const r of sampleRows) await checkDuplicates(db, actor, { name: r.raw[0], phones: r.raw[1] ? r.raw[1].split(' / ') : [] });
    const perRowMs = ((performance.now() - t0) / Math.max(1, sampleRows.length)) * 10_000;
    line('preview (match 10k rows)', previewMs, `per-row check ≈ ${seconds(perRowMs)} (200 rows × 50)`);
    console.log(`  outcomes: ${JSON.stringify(preview.counts)}`);
    t0 = performance.now();
    const done = await commitImport(db, actor, up.id, {});
    const commitMs = performance.now() - t0;
    line('commit (20 batches of 500)', commitMs, `budget ${seconds(BUDGET_MS)}`);
    line('upload + preview + commit', uploadMs + previewMs + commitMs, `budget ${seconds(BUDGET_MS)}`);
    console.log(`  result: ${JSON.stringify(done.result)} status ${done.status}`);
  } finally {
    await bench.close();
  }
}

await main();
