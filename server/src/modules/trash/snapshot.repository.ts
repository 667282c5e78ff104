import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/database.js';
import type { ForeignKey, Schema } from './foreign-keys.repository.js';

/**
 * A snapshot is every row a delete of some root rows would remove (following ON DELETE CASCADE through the
 * schema's foreign keys) plus the references it would set to null, as PostgreSQL's own JSON of each row
 * (to_jsonb), so a restore can write them back with jsonb_populate_recordset, types and all.
 */

export type Row = Record<string, unknown>;

/** A reference ON DELETE SET NULL would clear on a row that itself stays: restore puts the values back. */
export interface Relink {
  table: string;
  key: Row;
  values: Row;
}

export interface Snapshot {
  rows: Record<string, Row[]>;
  relinks: Relink[];
}

export interface Root {
  table: string;
  ids: string[];
}

/** Thrown when a row to restore points at a parent that no longer exists; the service turns it into a 409. */
export class MissingParent extends Error {
  constructor(
    readonly parentTable: string,
    readonly parentId: string,
    readonly childTable: string,
  ) {
    super(`${childTable} needs ${parentTable} ${parentId}`);
  }
}

const keyColumns = (schema: Schema, table: string, row: Row) => schema.primaryKeys.get(table) ?? Object.keys(row);
const identity = (schema: Schema, table: string, row: Row) => JSON.stringify(keyColumns(schema, table, row).map((c) => row[c] ?? null));
const columnList = (columns: string[]) => sql.join(columns.map((c) => sql.id(c)));

/** Rows of `table` whose `columns` hold one of `values` (each an array, one entry per column). */
async function rowsWhere(db: Db, table: string, columns: string[], types: string[], values: unknown[][]): Promise<Row[]> {
  if (values.length === 0) return [];
  let condition: RawBuilder<unknown>;
  if (columns.length === 1) {
    condition = sql`t.${sql.id(columns[0])} = ANY(${values.map((v) => String(v[0]))}::${sql.raw(types[0])}[])`;
  } else {
    // A composite key: compared as JSON, which no index serves, but the schema has none today.
    condition = sql`jsonb_build_array(${sql.join(columns.map((c) => sql`t.${sql.id(c)}`))}) IN (SELECT jsonb_array_elements(${JSON.stringify(values)}::jsonb))`;
  }
  const result = await sql<{ row: Row }>`SELECT to_jsonb(t) AS row FROM ${sql.table(table)} t WHERE ${condition}`.execute(db);
  return result.rows.map((r) => r.row);
}

const valuesOf = (rows: Row[], columns: string[]) => {
  const seen = new Map<string, unknown[]>();
  for (const row of rows) {
    const value = columns.map((c) => row[c] ?? null);
    if (value.some((v) => v === null)) continue;
    seen.set(JSON.stringify(value), value);
  }
  return [...seen.values()];
};

export async function captureSnapshot(db: Db, schema: Schema, roots: Root[]): Promise<Snapshot> {
  const captured = new Map<string, Map<string, Row>>();
  const cleared: { fk: ForeignKey; rows: Row[] }[] = [];
  const queue: { table: string; rows: Row[] }[] = [];
  const add = (table: string, rows: Row[]) => {
    const byKey = captured.get(table) ?? new Map<string, Row>();
    captured.set(table, byKey);
    const fresh = rows.filter((row) => {
      const key = identity(schema, table, row);
      if (byKey.has(key)) return false;
      byKey.set(key, row);
      return true;
    });
    if (fresh.length) queue.push({ table, rows: fresh });
  };
  for (const root of roots) {
    add(
      root.table,
      await rowsWhere(
        db,
        root.table,
        ['id'],
        ['uuid'],
        root.ids.map((id) => [id]),
      ),
    );
  }
  while (queue.length) {
    const { table, rows } = queue.shift()!;
    for (const fk of schema.foreignKeys.filter((f) => f.parent === table)) {
      if (fk.onDelete === 'a' || fk.onDelete === 'r') continue;
      const children = await rowsWhere(db, fk.child, fk.childColumns, fk.columnTypes, valuesOf(rows, fk.parentColumns));
      if (fk.onDelete === 'c') add(fk.child, children);
      else cleared.push({ fk, rows: children });
    }
  }
  const relinks: Relink[] = [];
  for (const { fk, rows } of cleared) {
    for (const row of rows) {
      if (captured.get(fk.child)?.has(identity(schema, fk.child, row))) continue;
      const key = Object.fromEntries(keyColumns(schema, fk.child, row).map((c) => [c, row[c]]));
      relinks.push({ table: fk.child, key, values: Object.fromEntries(fk.childColumns.map((c) => [c, row[c]])) });
    }
  }
  return { rows: Object.fromEntries([...captured].map(([table, byKey]) => [table, [...byKey.values()]])), relinks };
}

/** The snapshot's tables, parents before children, so each insert finds what it points at. */
export function insertOrder(schema: Schema, tables: string[]): string[] {
  const pending = new Set(tables);
  const order: string[] = [];
  while (pending.size) {
    const ready = [...pending].filter((t) => !schema.foreignKeys.some((fk) => fk.child === t && fk.parent !== t && pending.has(fk.parent)));
    // A cycle between tables cannot be ordered; taking the rest as they come lets the database say what fails.
    const next = ready.length ? ready.sort() : [...pending];
    for (const t of next) {
      order.push(t);
      pending.delete(t);
    }
  }
  return order;
}

/**
 * The rows ready to insert. A reference ON DELETE SET NULL to something gone since (the account that created the
 * row, a facilitator deleted later) comes back empty, as the delete of that parent would have left it; any other
 * reference to a parent that is neither in the database nor among `coming` refuses (MissingParent).
 */
async function withParents(db: Db, schema: Schema, table: string, rows: Row[], coming: Snapshot['rows']): Promise<Row[]> {
  let ready = rows;
  for (const fk of schema.foreignKeys.filter((f) => f.child === table && f.parent !== table)) {
    const arriving = new Set((coming[fk.parent] ?? []).map((r) => JSON.stringify(fk.parentColumns.map((c) => r[c] ?? null))));
    const needed = valuesOf(ready, fk.childColumns).filter((v) => !arriving.has(JSON.stringify(v)));
    if (needed.length === 0) continue;
    const present = new Set(
      (await rowsWhere(db, fk.parent, fk.parentColumns, fk.columnTypes, needed)).map((r) =>
        JSON.stringify(fk.parentColumns.map((c) => r[c] ?? null)),
      ),
    );
    const missing = new Set(needed.map((v) => JSON.stringify(v)).filter((v) => !present.has(v)));
    if (missing.size === 0) continue;
    if (fk.onDelete !== 'n') throw new MissingParent(fk.parent, (JSON.parse([...missing][0]) as unknown[]).map(String).join(', '), table);
    ready = ready.map((row) =>
      missing.has(JSON.stringify(fk.childColumns.map((c) => row[c] ?? null)))
        ? { ...row, ...Object.fromEntries(fk.childColumns.map((c) => [c, null])) }
        : row,
    );
  }
  return ready;
}

/**
 * Writes the rows back in foreign-key order. With `overwrite`, a row whose key exists is set back to the
 * snapshot's values (undoing a merge's moves); without, an existing key fails with the database's 23505.
 * `replaceable`: reference values a relink may overwrite besides null (the survivor of an undone merge).
 */
export async function writeSnapshot(
  db: Db,
  schema: Schema,
  snapshot: Snapshot,
  overwrite = false,
  replaceable: string[] = [],
): Promise<void> {
  for (const table of insertOrder(schema, Object.keys(snapshot.rows))) {
    if (!snapshot.rows[table].length) continue;
    const rows = await withParents(db, schema, table, snapshot.rows[table], snapshot.rows);
    const columns = schema.insertable.get(table)!;
    const keys = schema.primaryKeys.get(table);
    const others = columns.filter((c) => !keys?.includes(c));
    let onConflict = sql``;
    if (overwrite && keys) {
      onConflict = others.length
        ? sql`ON CONFLICT (${columnList(keys)}) DO UPDATE SET ${sql.join(others.map((c) => sql`${sql.id(c)} = EXCLUDED.${sql.id(c)}`))}`
        : sql`ON CONFLICT (${columnList(keys)}) DO NOTHING`;
    }
    await sql`
      INSERT INTO ${sql.table(table)} (${columnList(columns)}) OVERRIDING SYSTEM VALUE
      SELECT ${columnList(columns)} FROM jsonb_populate_recordset(NULL::${sql.table(table)}, ${JSON.stringify(rows)}::jsonb)
      ${onConflict}`.execute(db);
  }
  for (const relink of snapshot.relinks) {
    const where = Object.entries(relink.key).map(([c, v]) => sql`${sql.id(c)}::text = ${String(v)}`);
    const set = Object.entries(relink.values).map(([c, v]) => sql`${sql.id(c)} = ${String(v)}`);
    // Only a cleared reference is put back (or, undoing a merge, one the merge pointed at the survivor).
    const unset = Object.keys(relink.values).map((c) => sql`(${sql.id(c)} IS NULL OR ${sql.id(c)}::text = ANY(${replaceable}::text[]))`);
    await sql`UPDATE ${sql.table(relink.table)} SET ${sql.join(set)} WHERE ${sql.join([...where, ...unset], sql` AND `)}`.execute(db);
  }
}

/** Deletes rows by their keys (children first), e.g. the rows a merge created that its undo takes away. */
export async function deleteRows(db: Db, schema: Schema, rows: Record<string, Row[]>): Promise<void> {
  for (const table of insertOrder(schema, Object.keys(rows)).reverse()) {
    for (const row of rows[table]) {
      const where = keyColumns(schema, table, row).map((c) => sql`${sql.id(c)}::text = ${String(row[c])}`);
      await sql`DELETE FROM ${sql.table(table)} WHERE ${sql.join(where, sql` AND `)}`.execute(db);
    }
  }
}

/** Rows per table, for the confirmation ("2 positions, 1 relationship come back"). */
export const countRows = (snapshot: Snapshot) => Object.fromEntries(Object.entries(snapshot.rows).map(([t, rows]) => [t, rows.length]));
