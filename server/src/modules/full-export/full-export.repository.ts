import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { ConsentFileType } from '../../domain/consent.js';
import type { ExportTableSpec } from './export-tables.js';

/**
 * One table's rows as arrays of JSON values, in the spec's column order. jsonb carries dates as 'YYYY-MM-DD',
 * times as ISO 8601 and arrays as arrays, so no driver or time zone reinterprets a value on the way out.
 * The specs are constants in export-tables.ts, never user input, so they are spliced in as SQL.
 */
export async function exportRows(db: Db, spec: ExportTableSpec): Promise<unknown[][]> {
  // Plain names are quoted: some (symmetric) are SQL keywords.
  const expressions = spec.columns.map((c) => (typeof c === 'string' ? `"${c}"` : c[1])).join(', ');
  const { rows } = await sql<{
    r: unknown[];
  }>`SELECT jsonb_build_array(${sql.raw(expressions)}) AS r FROM ${sql.raw(spec.from)} ORDER BY ${sql.raw(spec.orderBy)}`.execute(db);
  return rows.map((row) => row.r);
}

export async function consentScans(db: Db): Promise<{ record_id: string; mime: ConsentFileType; bytes: Buffer }[]> {
  return db.selectFrom('consent_file').select(['record_id', 'mime', 'bytes']).orderBy('record_id').execute();
}
