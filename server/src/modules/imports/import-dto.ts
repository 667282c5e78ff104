import type { DuplicateReason } from '../../domain/duplicates/duplicate-score.js';
import type { RowError } from '../../domain/imports/row-draft.js';
import type { DuplicateCandidateDto } from '../duplicates/duplicates.schemas.js';
import type { BatchRow, ImportRowRow } from './imports.repository.js';
import type { ImportDto, ImportRowDto } from './imports.schemas.js';

export function toSummary(b: BatchRow) {
  return {
    id: b.id,
    fileName: b.file_name,
    format: b.format as ImportDto['format'],
    status: b.status as ImportDto['status'],
    rowCount: b.row_count,
    createdAt: b.created_at.toISOString(),
    createdBy: b.created_by ? { id: b.created_by, name: b.created_by_name ?? '' } : null,
    committedAt: b.committed_at ? b.committed_at.toISOString() : null,
  };
}

export function toImportDto(b: BatchRow): ImportDto {
  return {
    ...toSummary(b),
    encoding: b.encoding as ImportDto['encoding'],
    delimiter: b.delimiter as ImportDto['delimiter'],
    headers: b.headers,
    blankRows: b.blank_rows,
    mapping: b.mapping as ImportDto['mapping'],
    defaults: b.defaults as ImportDto['defaults'],
    counts: b.counts as ImportDto['counts'],
    progress: { processed: b.processed, total: b.total },
    result: b.result as ImportDto['result'],
    error: b.error,
    undoneAt: b.undone_at ? b.undone_at.toISOString() : null,
  };
}

export function toRowDto(r: ImportRowRow, names: Map<string, string>): ImportRowDto {
  return {
    row: r.row_number,
    values: r.raw,
    name: r.name,
    outcome: (r.outcome ?? 'invalid') as ImportRowDto['outcome'],
    errors: (r.errors ?? []) as RowError[],
    warnings: r.warnings ?? [],
    matchedContactId: r.matched_contact_id,
    matchedContactName: r.matched_contact_id ? (names.get(r.matched_contact_id) ?? null) : null,
    matchReason: (r.match_reasons ?? []) as DuplicateReason[],
    candidates: (r.candidates ?? []) as DuplicateCandidateDto[],
    duplicateOfRow: r.duplicate_of_row,
    decision: r.decision as ImportRowDto['decision'],
    action: r.action as ImportRowDto['action'],
    contactId: r.contact_id,
    messages: r.messages ?? [],
  };
}
