import type { Db } from '../../db/database.js';
import { isRightToLeft, type Language } from '../../domain/language.js';
import type { Actor } from '../../access/actor.js';
import { seesRestrictedDetails } from '../../access/restricted-details.js';
import { guessMapping } from '../../domain/imports/header-guess.js';
import { MULTI_VALUE_FIELDS, type ImportField, type ImportOutcome } from '../../domain/imports/import-fields.js';
import { isCustomMapping } from '../../domain/imports/custom-cells.js';
import type { CustomFieldDef } from '../../domain/custom-fields.js';
import { activeFieldDefs } from '../custom-fields/custom-fields.service.js';
import { importNotes, noteText, readNotes } from '../../domain/imports/import-notes.js';
import { isBlankRow, readRow, type ImportDraft, type MappingField, type RowError } from '../../domain/imports/row-draft.js';
import { nameKey } from '../../domain/duplicates/duplicate-score.js';
import { AppError, conflict, invalid, notFound } from '../../errors.js';
import type { Sheet } from '../../spreadsheets/table.js';
import { assertMayWriteContacts, mayFileIn } from '../../access/actor-access.js';
import { isContactVisible } from '../../access/actor-access.js';
import { findContactRefs } from '../contact-refs/contact-refs.repository.js';
import * as directory from './import-contacts.repository.js';
import * as repo from './imports.repository.js';
import { readSpreadsheet } from './spreadsheet-reader.js';
import { matchRows } from './import-matching.js';
import { toImportDto, toRowDto, toSummary } from './import-dto.js';
import type { ImportDto, PreviewInput } from './imports.schemas.js';

const SAMPLE_ROWS = 20;
/** The header is line 1 of the sheet, so data row i (from 0) is line i + 2: the number users see in Excel. */
const FIRST_DATA_LINE = 2;

/** Admins and coordinators oversee every import; other writers see their own. */
const seesAllImports = seesRestrictedDetails;

export async function loadBatch(db: Db, actor: Actor, id: string, forUpdate = false): Promise<repo.BatchRow> {
  const batch = await repo.findBatch(db, id, forUpdate);
  if (!batch || (!seesAllImports(actor) && batch.created_by !== actor.id)) throw notFound('Import');
  return batch;
}

export async function uploadImport(db: Db, actor: Actor, fileName: string, bytes: Buffer) {
  assertMayWriteContacts(actor);
  const sheet = await readSpreadsheet(fileName, bytes);
  const rows = sheet.rows.map((cells, i) => ({ rowNumber: i + FIRST_DATA_LINE, cells })).filter((r) => !isBlankRow(r.cells));
  if (rows.length === 0) throw new AppError(400, 'IMPORT_EMPTY', 'Every row under the header is blank');
  const id = await db.transaction().execute(async (trx) => {
    const batchId = await repo.insertBatch(trx, {
      fileName: fileName.slice(0, 255),
      format: sheet.format,
      encoding: sheet.encoding,
      delimiter: sheet.delimiter,
      headers: sheet.headers,
      rowCount: sheet.rows.length,
      blankRows: sheet.rows.length - rows.length,
      createdBy: actor.id,
    });
    await repo.insertRows(trx, batchId, rows);
    return batchId;
  });
  return {
    id,
    fileName: fileName.slice(0, 255),
    format: sheet.format,
    encoding: sheet.encoding,
    delimiter: sheet.delimiter,
    status: 'uploaded' as const,
    headers: sheet.headers,
    sampleRows: rows.slice(0, SAMPLE_ROWS).map((r) => r.cells),
    rowCount: sheet.rows.length,
    blankRows: sheet.rows.length - rows.length,
    guessedMapping: guessMapping(sheet.headers),
  };
}

export async function listImports(db: Db, actor: Actor, limit: number, offset: number) {
  assertMayWriteContacts(actor);
  const { rows, total } = await repo.listBatches(db, seesAllImports(actor) ? null : actor.id, limit, offset);
  return { items: rows.map(toSummary), total, limit, offset };
}

export async function getImport(db: Db, actor: Actor, id: string): Promise<ImportDto> {
  assertMayWriteContacts(actor);
  return toImportDto(await loadBatch(db, actor, id));
}

/** Each column maps to one field; a custom field must be in use and is mapped once. */
function checkMapping(mapping: readonly MappingField[], headers: readonly string[], customFields: readonly CustomFieldDef[]) {
  const errors = [];
  const unknown = mapping.filter((f) => isCustomMapping(f) && !customFields.some((c) => f === `cf:${c.key}`));
  if (unknown.length) errors.push({ field: 'mapping', code: 'unknown', message: `not a custom field in use: ${unknown.join(', ')}` });
  if (mapping.length !== headers.length) {
    errors.push({ field: 'mapping', code: 'length', message: `needs one field per column (${headers.length})` });
  }
  const counts = new Map<MappingField, number>();
  for (const f of mapping) counts.set(f, (counts.get(f) ?? 0) + 1);
  for (const [field, n] of counts) {
    if (n > 1 && field !== 'ignore' && !MULTI_VALUE_FIELDS.includes(field as ImportField)) {
      errors.push({ field: 'mapping', code: 'repeated', message: `${field} is mapped to ${n} columns` });
    }
  }
  const named =
    counts.has('name') || ['nameFirst', 'nameFather', 'nameGrandfather', 'nameFamily'].some((f) => counts.has(f as ImportField));
  if (!named) errors.push({ field: 'mapping', code: 'name_required', message: 'map a column to the name (or the name parts)' });
  if (errors.length) throw invalid(errors);
}

const EDITABLE = ['uploaded', 'previewed'];

export async function previewImport(db: Db, actor: Actor, id: string, input: PreviewInput): Promise<ImportDto> {
  assertMayWriteContacts(actor);
  const batch = await loadBatch(db, actor, id);
  if (!EDITABLE.includes(batch.status))
    throw conflict('IMPORT_NOT_EDITABLE', 'This import was already run; upload the file again to change it');
  const customFields = await activeFieldDefs(db);
  checkMapping(input.mapping, batch.headers, customFields);
  const defaults = input.defaults ?? {};
  if (defaults.governorates && !mayFileIn(actor, defaults.governorates)) {
    throw invalid([{ field: 'defaults.governorates', code: 'out_of_scope', message: 'outside the governorates your account covers' }]);
  }

  const raw = await repo.rawRows(db, id);
  const valid: { row: number; draft: ImportDraft }[] = [];
  const invalidRows = new Map<number, { name: string | null; errors: RowError[] }>();
  for (const { row_number: row, raw: cells } of raw) {
    const reading = readRow(cells, input.mapping, defaults, customFields);
    if (!reading.ok) {
      invalidRows.set(row, { name: reading.name, errors: reading.errors });
      continue;
    }
    if (!mayFileIn(actor, reading.draft.governorates)) {
      invalidRows.set(row, {
        name: reading.draft.name,
        errors: [{ field: 'governorates', code: 'out_of_scope', message: 'outside the governorates your account covers' }],
      });
      continue;
    }
    valid.push({ row, draft: reading.draft });
  }
  const matches = await matchRows(db, actor, valid);
  const organizations = await directory.findOrganizationsByKeys(db, [
    ...new Set(valid.flatMap((v) => (v.draft.organization ? [nameKey(v.draft.organization)] : []))),
  ]);
  const knownOrganizations = new Set(organizations.map((o) => o.name_key));
  const draftOf = new Map(valid.map((v) => [v.row, v.draft]));

  const results: repo.PreviewResult[] = raw.map(({ row_number: row }) => {
    const bad = invalidRows.get(row);
    if (bad) {
      return {
        row_number: row,
        outcome: 'invalid',
        name: bad.name,
        draft: null,
        errors: bad.errors,
        warnings: [],
        matched_contact_id: null,
        match_reasons: [],
        candidates: [],
        duplicate_of_row: null,
      };
    }
    const draft = draftOf.get(row)!;
    const match = matches.get(row)!;
    const warnings =
      draft.organization && !knownOrganizations.has(nameKey(draft.organization))
        ? [importNotes.organizationCreated(draft.organization)]
        : [];
    return {
      row_number: row,
      outcome: match.outcome,
      name: draft.name,
      draft,
      errors: [],
      warnings,
      matched_contact_id: match.matchedContactId,
      match_reasons: match.matchReasons,
      candidates: match.candidates,
      duplicate_of_row: match.duplicateOfRow,
    };
  });
  const counts = { create: 0, update: 0, duplicate: 0, invalid: 0, blank: batch.blank_rows };
  for (const r of results) counts[r.outcome as keyof typeof counts] += 1;

  await db.transaction().execute(async (trx) => {
    const locked = await loadBatch(trx, actor, id, true);
    if (!EDITABLE.includes(locked.status)) throw conflict('IMPORT_NOT_EDITABLE', 'This import was already run');
    await repo.writePreview(trx, id, results);
    await repo.updateBatch(trx, id, { status: 'previewed', mapping: input.mapping, defaults, counts, total: results.length, processed: 0 });
  });
  return toImportDto((await repo.findBatch(db, id))!);
}

const NO_COUNTS = { create: 0, update: 0, duplicate: 0, invalid: 0, blank: 0 };

export async function listImportRows(db: Db, actor: Actor, id: string, outcome: ImportOutcome | undefined, limit: number, offset: number) {
  assertMayWriteContacts(actor);
  const batch = await loadBatch(db, actor, id);
  const { rows, total } = await repo.listRows(db, id, outcome, limit, offset);
  const matched = await findContactRefs(db, [...new Set(rows.flatMap((r) => (r.matched_contact_id ? [r.matched_contact_id] : [])))]);
  const names = new Map(matched.filter((c) => isContactVisible(actor, c.governorates)).map((c) => [c.id, c.name]));
  return {
    items: rows.filter((r) => r.outcome !== null).map((r) => toRowDto(r, names, actor)),
    total: batch.counts ? total : 0,
    limit,
    offset,
    counts: (batch.counts as typeof NO_COUNTS | null) ?? NO_COUNTS,
  };
}

const REPORT_HEADERS: Record<Language, string[]> = {
  ar: ['الصف', 'النتيجة المتوقعة', 'الإجراء', 'معرّف جهة الاتصال', 'الاسم', 'الملاحظات'],
  en: ['Row', 'Outcome', 'Action', 'Contact id', 'Name', 'Messages'],
  ku: ['ڕیز', 'ئەنجامی چاوەڕوانکراو', 'کردار', 'ناسنامەی پەیوەندیکار', 'ناو', 'تێبینییەکان'],
};
const REPORT_SHEET: Record<Language, string> = { ar: 'تقرير الاستيراد', en: 'Import report', ku: 'ڕاپۆرتی هاوردەکردن' };

export async function importReport(db: Db, actor: Actor, id: string, lang: Language): Promise<{ sheet: Sheet; baseName: string }> {
  assertMayWriteContacts(actor);
  const batch = await loadBatch(db, actor, id);
  if (!batch.counts) throw conflict('IMPORT_NOT_PREVIEWED', 'Preview the import first');
  const rows = await repo.allRows(db, id);
  return {
    baseName: `import-report-${batch.created_at.toISOString().slice(0, 10)}`,
    sheet: {
      name: REPORT_SHEET[lang],
      rightToLeft: isRightToLeft(lang),
      columns: REPORT_HEADERS[lang].map((header) => ({ header })),
      rows: rows.map((r) => [
        r.row_number,
        r.outcome,
        r.action,
        r.contact_id,
        r.name,
        [
          ...((r.errors ?? []) as RowError[]).map((e) => `${e.field}: ${e.message}`),
          ...[...readNotes(r.warnings), ...readNotes(r.messages)].map((n) => noteText(n, lang)),
        ].join('; ') || null,
      ]),
    },
  };
}
