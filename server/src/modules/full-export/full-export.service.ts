import type { Db } from '../../db/database.js';
import type { Actor } from '../../access/actor.js';
import { forbidden } from '../../errors.js';
import { canManageUsers } from '../../domain/roles.js';
import { CONSENT_SCOPES, currentConsent, type ConsentFact } from '../../domain/consent.js';
import { toCsv } from '../../spreadsheets/csv.js';
import type { Sheet, SheetCell } from '../../spreadsheets/table.js';
import { toLargeXlsx } from '../../spreadsheets/xlsx-large.js';
import { zipFiles, type ZipEntry } from '../../spreadsheets/zip-writer.js';
import { recordAudit } from '../audit/audit.repository.js';
import { listConsentRecords } from '../consent/consent.repository.js';
import { toFact } from '../consent/consent.service.js';
import { EXPORT_TABLES, columnName } from './export-tables.js';
import * as repo from './full-export.repository.js';
import { readmeText } from './readme.js';

/** Lists (phones, tags, governorates, scopes) as one cell; the CSV guard keeps a list of phones as text. */
export function toCell(value: unknown): SheetCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join('; ');
  return JSON.stringify(value);
}

const CONSENT_COLUMNS = CONSENT_SCOPES.map((s) => `consent_${s}`);

/** Each contact's current answer per scope (yes / no / unknown), the columns outreach decides by. */
function consentColumns(contactIds: string[], facts: Map<string, ConsentFact[]>): SheetCell[][] {
  return contactIds.map((id) => {
    const state = currentConsent(facts.get(id) ?? []);
    return CONSENT_SCOPES.map((s) => state[s].answer);
  });
}

const extensionOf = (mime: string) => (mime === 'application/pdf' ? 'pdf' : mime === 'image/png' ? 'png' : 'jpg');

export interface FullExport {
  zip: Buffer;
  counts: Record<string, number>;
  baseName: string;
}

/**
 * Everything the organisation holds, for an administrator: one UTF-8 (BOM) CSV per table with the database ids so
 * the files join, the same tables as sheets of everything.xlsx, the consent scans, and README.txt. Read in one
 * repeatable-read transaction, so every file shows the same moment. Restricted contacts are included in full (admins
 * may see them). Audited with the row counts, never the values.
 */
export async function fullExport(db: Db, actor: Actor, now = new Date()): Promise<FullExport> {
  if (!canManageUsers(actor.role)) throw forbidden('Only administrators may download the full export');
  const { sheets, scans } = await db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const facts = new Map<string, ConsentFact[]>();
      for (const row of await listConsentRecords(trx, null)) facts.set(row.contact_id, [...(facts.get(row.contact_id) ?? []), toFact(row)]);
      const built: Sheet[] = [];
      for (const spec of EXPORT_TABLES) {
        const rows = (await repo.exportRows(trx, spec)).map((r) => r.map(toCell));
        const headers = spec.columns.map(columnName);
        if (spec.file === 'contacts') {
          const extra = consentColumns(
            rows.map((r) => r[0] as string),
            facts,
          );
          rows.forEach((r, i) => r.push(...extra[i]));
          headers.push(...CONSENT_COLUMNS);
        }
        built.push({
          name: spec.file,
          rightToLeft: false,
          columns: headers.map((header) => ({ header, date: /(_on|_date)$/.test(header) })),
          rows,
        });
      }
      return { sheets: built, scans: await repo.consentScans(trx) };
    });
  const counts = Object.fromEntries(sheets.map((s) => [s.name, s.rows.length]));
  const folder = `directory-export-${now.toISOString().slice(0, 10)}`;
  const entries: ZipEntry[] = [
    ...sheets.map((sheet) => ({ name: `${folder}/${sheet.name}.csv`, data: toCsv(sheet) })),
    // The workbook and the scans are compressed already.
    { name: `${folder}/everything.xlsx`, data: toLargeXlsx(sheets), compress: false },
    ...scans.map((scan) => ({
      name: `${folder}/consent_files/${scan.record_id}.${extensionOf(scan.mime)}`,
      data: scan.bytes,
      compress: scan.mime === 'application/pdf',
    })),
    { name: `${folder}/README.txt`, data: Buffer.from(readmeText(now, counts), 'utf8') },
  ];
  const buffer = zipFiles(entries, now);
  await recordAudit(db, {
    userId: actor.id,
    action: 'export',
    entityType: 'directory',
    entityId: null,
    details: { kind: 'full', counts, consentFiles: scans.length, bytes: buffer.length },
  });
  return { zip: buffer, counts, baseName: folder };
}
