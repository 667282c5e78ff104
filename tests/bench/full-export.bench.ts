import { sql } from 'kysely';
import JSZip from 'jszip';
import { fullExport } from '../../server/src/modules/full-export/full-export.service.js';
import { openBenchDatabase } from './bench-database.js';

/**
 * The full export (issue 12, item 5) over a large directory: 100k contacts (Arabic names, two phones, tags, one or two
 * governorates), 50k positions, 50k relationships, 100k interactions with two participants each, 200 events with
 * 100 invitations and their status changes each, 20k consent records. Prints the seconds, the ZIP's size and the
 * process's peak memory. Run: `npx tsx tests/bench/full-export.bench.ts` (embedded), or with
 * BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres for the real server.
 */
const CONTACTS = Number(process.env.BENCH_CONTACTS ?? 100_000);

async function seed(db: Parameters<typeof fullExport>[0], adminId: string) {
  await sql`INSERT INTO contact (kind, subtype, name, phones, emails, tags, notes, sensitivity, created_by, created_at, updated_at)
    SELECT CASE WHEN i % 10 = 0 THEN 'organization' ELSE 'activist' END, CASE WHEN i % 10 = 0 THEN 'local_ngo' END,
           'ناشط رقم ' || i || ' الساعدي',
           ARRAY['+96477' || lpad((i % 100000000)::text, 8, '0'), '+96478' || lpad((i % 100000000)::text, 8, '0')],
           ARRAY['person' || i || '@mail.example'],
           ARRAY['شباب', 'وسم ' || (i % 50)],
           CASE WHEN i % 3 = 0 THEN 'ملاحظة عن الشخص ' || i END,
           CASE WHEN i % 20 = 0 THEN 'restricted' ELSE 'normal' END,
           ${adminId}, now(), now()
    FROM generate_series(1, ${CONTACTS}) AS i`.execute(db);
  await sql`CREATE TEMP TABLE ids AS SELECT id, row_number() OVER (ORDER BY id) AS n, kind FROM contact`.execute(db);
  await sql`INSERT INTO contact_governorate (contact_id, governorate_code)
    SELECT id, (ARRAY['IQ-BG','IQ-BA','IQ-NI','IQ-AR','IQ-NA'])[1 + n % 5] FROM ids
    UNION SELECT id, 'IQ-KA' FROM ids WHERE n % 4 = 0`.execute(db);
  await sql`INSERT INTO position (person_id, organization_id, title, created_at, updated_at)
    SELECT p.id, o.id, 'منسق', now(), now()
    FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM ids WHERE kind = 'activist') p
    JOIN (SELECT id, row_number() OVER (ORDER BY id) AS n FROM ids WHERE kind = 'organization') o ON o.n = (p.n % ${CONTACTS / 10}) + 1
    WHERE p.n % 2 = 1`.execute(db);
  await sql`INSERT INTO relationship (type_id, from_contact_id, to_contact_id, created_at, updated_at)
    SELECT (SELECT id FROM relationship_type WHERE key = 'works_with'), a.id, b.id, now(), now()
    FROM ids a JOIN ids b ON b.n = a.n + 1 WHERE a.n % 2 = 0`.execute(db);
  await sql`INSERT INTO interaction (kind, occurred_on, summary, created_at, updated_at)
    SELECT 'meeting', date '2026-01-01' + (i % 300), 'اجتماع متابعة ' || i, now(), now() FROM generate_series(1, ${CONTACTS}) AS i`.execute(
    db,
  );
  await sql`CREATE TEMP TABLE interaction_ids AS SELECT id, row_number() OVER (ORDER BY id) AS n FROM interaction`.execute(db);
  await sql`INSERT INTO interaction_participant (interaction_id, contact_id)
    SELECT x.id, c.id FROM interaction_ids x JOIN ids c ON c.n = x.n`.execute(db);
  await sql`INSERT INTO interaction_participant (interaction_id, contact_id)
    SELECT x.id, c.id FROM interaction_ids x JOIN ids c ON c.n = (x.n % ${CONTACTS}) + 1`.execute(db);
  await sql`INSERT INTO event (title, type, starts_at, ends_at, created_at, updated_at)
    SELECT 'ورشة ' || i, 'workshop', now() + (i || ' days')::interval, now() + (i || ' days')::interval + interval '4 hours', now(), now()
    FROM generate_series(1, 200) AS i`.execute(db);
  await sql`INSERT INTO invitation (event_id, contact_id, status_changed_at, created_at, updated_at)
    SELECT e.id, c.id, now(), now(), now() FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM event) e
    JOIN ids c ON (c.n - 1) / 100 + 1 = e.n`.execute(db);
  await sql`INSERT INTO invitation_status_change (invitation_id, from_status, to_status, changed_at)
    SELECT id, 'proposed', 'invited', now() FROM invitation`.execute(db);
  await sql`INSERT INTO consent_record (contact_id, kind, basis, scopes, recorded_on, recorded_by)
    SELECT id, CASE WHEN n % 5 = 0 THEN 'withdrawn' ELSE 'given' END, 'spoken', ARRAY['whatsapp', 'email'], date '2026-06-01', ${adminId}
    FROM ids WHERE n % 5 IN (0, 1)`.execute(db);
}

const bench = await openBenchDatabase();
try {
  const db = bench.database.db;
  const started = performance.now();
  await seed(db, bench.admin.id);
  console.log(`${bench.label}: seeded ${CONTACTS} contacts and their links in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  for (let run = 1; run <= 2; run++) {
    const t0 = performance.now();
    const result = await fullExport(db, bench.admin);
    const seconds = (performance.now() - t0) / 1000;
    const zip = await JSZip.loadAsync(result.zip);
    const sizes = await Promise.all(
      Object.values(zip.files).map(async (f) => [f.name.split('/').pop(), (await f.async('uint8array')).length] as const),
    );
    console.log(
      `run ${run}: ${seconds.toFixed(1)} s, ZIP ${(result.zip.length / 1024 / 1024).toFixed(1)} MB, peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
    );
    if (run === 1) {
      console.log('rows:', JSON.stringify(result.counts));
      console.log('unpacked MB:', sizes.map(([n, s]) => `${n} ${(s / 1024 / 1024).toFixed(1)}`).join(', '));
    }
  }
} finally {
  await bench.close();
}
