import { sql } from 'kysely';
import type { Db } from '../../db/database.js';

/**
 * The schema's foreign keys and primary keys, read from pg_constraint rather than listed by hand, so a table a
 * later migration links to contact or event is captured by the trash without anyone remembering to add it.
 */

export interface ForeignKey {
  name: string;
  child: string;
  childColumns: string[];
  /** SQL types of the child columns, for index-friendly `= ANY($1::type[])` look-ups. */
  columnTypes: string[];
  parent: string;
  parentColumns: string[];
  /** pg_constraint.confdeltype: c cascade, n set null, d set default, a no action, r restrict. */
  onDelete: 'c' | 'n' | 'd' | 'a' | 'r';
}

export interface Schema {
  foreignKeys: ForeignKey[];
  /** Primary-key columns per table; a table without one is identified by its whole row. */
  primaryKeys: Map<string, string[]>;
  /** Columns an INSERT may set (not generated), per table, in table order. */
  insertable: Map<string, string[]>;
}

export async function readSchema(db: Db): Promise<Schema> {
  const fks = await sql<ForeignKey>`
    SELECT con.conname AS name, child.relname AS child, parent.relname AS parent, con.confdeltype AS "onDelete",
      ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(n, o)
            JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.o) AS "childColumns",
      ARRAY(SELECT format_type(a.atttypid, a.atttypmod) FROM unnest(con.conkey) WITH ORDINALITY k(n, o)
            JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.o) AS "columnTypes",
      ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(n, o)
            JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n ORDER BY k.o) AS "parentColumns"
    FROM pg_constraint con
    JOIN pg_class child ON child.oid = con.conrelid
    JOIN pg_class parent ON parent.oid = con.confrelid
    JOIN pg_namespace ns ON ns.oid = child.relnamespace
    WHERE con.contype = 'f' AND ns.nspname = current_schema()
    ORDER BY child.relname, con.conname`.execute(db);
  const pks = await sql<{ table: string; columns: string[] }>`
    SELECT rel.relname AS table,
      ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(n, o)
            JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.o) AS columns
    FROM pg_constraint con
    JOIN pg_class rel ON rel.oid = con.conrelid
    JOIN pg_namespace ns ON ns.oid = rel.relnamespace
    WHERE con.contype = 'p' AND ns.nspname = current_schema()`.execute(db);
  const columns = await sql<{ table: string; columns: string[] }>`
    SELECT rel.relname AS table, array_agg(a.attname::text ORDER BY a.attnum) AS columns
    FROM pg_attribute a
    JOIN pg_class rel ON rel.oid = a.attrelid
    JOIN pg_namespace ns ON ns.oid = rel.relnamespace
    WHERE rel.relkind = 'r' AND ns.nspname = current_schema() AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
    GROUP BY rel.relname`.execute(db);
  return {
    foreignKeys: fks.rows,
    primaryKeys: new Map(pks.rows.map((r) => [r.table, r.columns])),
    insertable: new Map(columns.rows.map((r) => [r.table, r.columns])),
  };
}
