import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { ImportNote, ResultGroup } from '../../domain/imports/import-notes.js';
import type { ImportFormat, ImportStatus } from '../../domain/imports/import-batch.js';
import type { ImportOutcome } from '../../domain/imports/import-fields.js';

const CHUNK = 1000;
const json = (value: unknown) => JSON.stringify(value);

export const BATCH_COLUMNS = [
  'import_batch.id',
  'import_batch.file_name',
  'import_batch.format',
  'import_batch.encoding',
  'import_batch.delimiter',
  'import_batch.status',
  'import_batch.headers',
  'import_batch.mapping',
  'import_batch.defaults',
  'import_batch.row_count',
  'import_batch.blank_rows',
  'import_batch.counts',
  'import_batch.processed',
  'import_batch.total',
  'import_batch.result',
  'import_batch.error',
  'import_batch.created_by',
  'import_batch.created_at',
  'import_batch.updated_at',
  'import_batch.committed_at',
  'import_batch.undone_at',
] as const;

export interface NewBatch {
  fileName: string;
  format: ImportFormat;
  encoding: string | null;
  delimiter: string | null;
  headers: string[];
  rowCount: number;
  blankRows: number;
  createdBy: string;
}

export async function insertBatch(db: Db, b: NewBatch): Promise<string> {
  const { id } = await db
    .insertInto('import_batch')
    .values({
      file_name: b.fileName,
      format: b.format,
      encoding: b.encoding,
      delimiter: b.delimiter,
      status: 'uploaded',
      headers: json(b.headers),
      row_count: b.rowCount,
      blank_rows: b.blankRows,
      created_by: b.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Non-blank rows only: blank ones are counted on the batch and otherwise forgotten. */
export async function insertRows(db: Db, importId: string, rows: { rowNumber: number; cells: string[] }[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db
      .insertInto('import_row')
      .values(rows.slice(i, i + CHUNK).map((r) => ({ import_id: importId, row_number: r.rowNumber, raw: json(r.cells) })))
      .execute();
  }
}

export function findBatch(db: Db, id: string, forUpdate = false) {
  return db
    .selectFrom('import_batch')
    .leftJoin('app_user', 'app_user.id', 'import_batch.created_by')
    .select(BATCH_COLUMNS)
    .select('app_user.name as created_by_name')
    .where('import_batch.id', '=', id)
    .$if(forUpdate, (qb) => qb.forUpdate(['import_batch']))
    .executeTakeFirst();
}
export type BatchRow = NonNullable<Awaited<ReturnType<typeof findBatch>>>;

export async function listBatches(db: Db, createdBy: string | null, limit: number, offset: number) {
  const base = db.selectFrom('import_batch').$if(createdBy !== null, (qb) => qb.where('import_batch.created_by', '=', createdBy!));
  const [rows, count] = await Promise.all([
    base
      .leftJoin('app_user', 'app_user.id', 'import_batch.created_by')
      .select(BATCH_COLUMNS)
      .select('app_user.name as created_by_name')
      .orderBy('import_batch.created_at', 'desc')
      .orderBy('import_batch.id')
      .limit(limit)
      .offset(offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export interface BatchPatch {
  status?: ImportStatus;
  mapping?: string[];
  defaults?: Record<string, unknown>;
  counts?: Record<string, number>;
  processed?: number;
  total?: number;
  result?: Record<string, unknown>;
  error?: string | null;
  committedAt?: Date;
  undoneAt?: Date;
}

export async function updateBatch(db: Db, id: string, p: BatchPatch): Promise<void> {
  await db
    .updateTable('import_batch')
    .set({
      updated_at: new Date(),
      ...(p.status !== undefined ? { status: p.status } : {}),
      ...(p.mapping !== undefined ? { mapping: json(p.mapping) } : {}),
      ...(p.defaults !== undefined ? { defaults: json(p.defaults) } : {}),
      ...(p.counts !== undefined ? { counts: json(p.counts) } : {}),
      ...(p.processed !== undefined ? { processed: p.processed } : {}),
      ...(p.total !== undefined ? { total: p.total } : {}),
      ...(p.result !== undefined ? { result: json(p.result) } : {}),
      ...(p.error !== undefined ? { error: p.error } : {}),
      ...(p.committedAt !== undefined ? { committed_at: p.committedAt } : {}),
      ...(p.undoneAt !== undefined ? { undone_at: p.undoneAt } : {}),
    })
    .where('id', '=', id)
    .execute();
}

export async function deleteBatch(db: Db, id: string): Promise<void> {
  await db.deleteFrom('import_batch').where('id', '=', id).execute();
}

export async function rawRows(db: Db, importId: string): Promise<{ row_number: number; raw: string[] }[]> {
  return db.selectFrom('import_row').select(['row_number', 'raw']).where('import_id', '=', importId).orderBy('row_number').execute();
}

export interface PreviewResult {
  row_number: number;
  outcome: ImportOutcome;
  name: string | null;
  draft: unknown;
  errors: unknown[];
  warnings: ImportNote[];
  matched_contact_id: string | null;
  match_reasons: unknown[];
  candidates: unknown[];
  duplicate_of_row: number | null;
}

/** One statement per thousand rows: the rows' preview results arrive as one JSON document. */
export async function writePreview(db: Db, importId: string, results: PreviewResult[]): Promise<void> {
  for (let i = 0; i < results.length; i += CHUNK) {
    await sql`
      UPDATE import_row r SET outcome = v.outcome, name = v.name, draft = v.draft, errors = v.errors,
        warnings = v.warnings, matched_contact_id = v.matched_contact_id, match_reasons = v.match_reasons,
        candidates = v.candidates, duplicate_of_row = v.duplicate_of_row,
        decision = NULL, action = NULL, contact_id = NULL, messages = NULL, applied = false
      FROM jsonb_to_recordset(${json(results.slice(i, i + CHUNK))}::jsonb) AS v(row_number int, outcome text, name text,
        draft jsonb, errors jsonb, warnings jsonb, matched_contact_id uuid, match_reasons jsonb, candidates jsonb,
        duplicate_of_row int)
      WHERE r.import_id = ${importId} AND r.row_number = v.row_number`.execute(db);
  }
}

const ROW_COLUMNS = [
  'row_number',
  'raw',
  'outcome',
  'name',
  'draft',
  'errors',
  'warnings',
  'matched_contact_id',
  'match_reasons',
  'candidates',
  'duplicate_of_row',
  'decision',
  'action',
  'contact_id',
  'messages',
  'applied',
] as const;

export async function listRows(db: Db, importId: string, outcome: ImportOutcome | undefined, limit: number, offset: number) {
  const base = db
    .selectFrom('import_row')
    .where('import_id', '=', importId)
    .$if(outcome !== undefined, (qb) => qb.where('outcome', '=', outcome!));
  const [rows, count] = await Promise.all([
    base.select(ROW_COLUMNS).orderBy('row_number').limit(limit).offset(offset).execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
export type ImportRowRow = Awaited<ReturnType<typeof listRows>>['rows'][number];

export async function allRows(db: Db, importId: string) {
  return db.selectFrom('import_row').select(ROW_COLUMNS).where('import_id', '=', importId).orderBy('row_number').execute();
}

export async function pendingRows(db: Db, importId: string, limit: number) {
  return db
    .selectFrom('import_row')
    .select(ROW_COLUMNS)
    .where('import_id', '=', importId)
    .where('applied', '=', false)
    .orderBy('row_number')
    .limit(limit)
    .execute();
}

export async function rowContacts(db: Db, importId: string, rowNumbers: number[]): Promise<Map<number, string>> {
  if (rowNumbers.length === 0) return new Map();
  const rows = await db
    .selectFrom('import_row')
    .select(['row_number', 'contact_id'])
    .where('import_id', '=', importId)
    .where('row_number', 'in', rowNumbers)
    .where('contact_id', 'is not', null)
    .execute();
  return new Map(rows.map((r) => [r.row_number, r.contact_id!]));
}

export async function writeDecisions(
  db: Db,
  importId: string,
  decisions: { row_number: number; decision: string; contact_id: string | null }[],
) {
  for (let i = 0; i < decisions.length; i += CHUNK) {
    await sql`
      UPDATE import_row r SET decision = v.decision, contact_id = v.contact_id
      FROM jsonb_to_recordset(${json(decisions.slice(i, i + CHUNK))}::jsonb) AS v(row_number int, decision text, contact_id uuid)
      WHERE r.import_id = ${importId} AND r.row_number = v.row_number AND NOT r.applied`.execute(db);
  }
}

export interface AppliedRow {
  row_number: number;
  action: string;
  contact_id: string | null;
  messages: ImportNote[];
}

export async function writeApplied(db: Db, importId: string, results: AppliedRow[]): Promise<void> {
  for (let i = 0; i < results.length; i += CHUNK) {
    await sql`
      UPDATE import_row r SET action = v.action, contact_id = v.contact_id, messages = v.messages, applied = true
      FROM jsonb_to_recordset(${json(results.slice(i, i + CHUNK))}::jsonb) AS v(row_number int, action text,
        contact_id uuid, messages jsonb)
      WHERE r.import_id = ${importId} AND r.row_number = v.row_number`.execute(db);
  }
}

export async function countActions(db: Db, importId: string): Promise<{ applied: number; actions: Record<string, number> }> {
  const rows = await db
    .selectFrom('import_row')
    .select(['action', (eb) => eb.fn.countAll<string>().as('n')])
    .where('import_id', '=', importId)
    .where('applied', '=', true)
    .groupBy('action')
    .execute();
  const actions = Object.fromEntries(rows.map((r) => [r.action ?? 'none', Number(r.n)]));
  return { applied: Object.values(actions).reduce((a, b) => a + b, 0), actions };
}

/**
 * The applied rows counted by what the preview planned (the decision, or 'invalid'), what the run did, and the code
 * of the row's first note (null for a row that went as planned without one, or for a note stored as plain text).
 */
export async function resultGroups(db: Db, importId: string): Promise<ResultGroup[]> {
  const { rows } = await sql<{ planned: string; action: string; code: string | null; n: string }>`
    SELECT CASE WHEN outcome = 'invalid' THEN 'invalid' ELSE decision END AS planned, action,
      CASE WHEN jsonb_typeof(messages -> 0) = 'object' THEN messages -> 0 ->> 'code' END AS code, count(*) AS n
    FROM import_row
    WHERE import_id = ${importId} AND applied
    GROUP BY 1, 2, 3
    ORDER BY 1, 2, 3`.execute(db);
  return rows.map((r) => ({ planned: r.planned, action: r.action, code: r.code, count: Number(r.n) }) as ResultGroup);
}

export interface Change {
  entity_type: 'contact' | 'position';
  entity_id: string;
  change: 'created' | 'updated';
  before: Record<string, unknown> | null;
  version_after: number | null;
}

export async function insertChanges(db: Db, importId: string, changes: Change[]): Promise<void> {
  for (let i = 0; i < changes.length; i += CHUNK) {
    await db
      .insertInto('import_change')
      .values(changes.slice(i, i + CHUNK).map((c) => ({ import_id: importId, ...c, before: c.before ? json(c.before) : null })))
      .execute();
  }
}

export async function listChanges(db: Db, importId: string) {
  return db
    .selectFrom('import_change')
    .select(['entity_type', 'entity_id', 'change', 'before', 'version_after'])
    .where('import_id', '=', importId)
    .orderBy('id')
    .execute();
}

export async function addProcessed(db: Db, importId: string, rows: number): Promise<void> {
  await db
    .updateTable('import_batch')
    .set((eb) => ({ processed: eb('processed', '+', rows), updated_at: new Date() }))
    .where('id', '=', importId)
    .execute();
}
