import type { DuplicateReason } from '../../domain/duplicates/duplicate-score.js';
import { readNotes } from '../../domain/imports/import-notes.js';
import type { RowError } from '../../domain/imports/row-draft.js';
import { seesRestrictedDetails } from '../../access/restricted-details.js';
import type { Actor } from '../../access/actor.js';
import type { DuplicateCandidateDto } from '../duplicates/duplicates.schemas.js';
import { hiddenMatches } from '../duplicates/restricted-matches.js';
import { isRestrictedMatchNote } from './import-matching.js';
import type { BatchRow, ImportRowRow } from './imports.repository.js';
import type { ImportDto, ImportRowDto } from './imports.schemas.js';

export function toSummary(b: BatchRow) {
  return {
    id: b.id,
    fileName: b.file_name,
    format: b.format,
    status: b.status,
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
    defaults: b.defaults,
    counts: b.counts as ImportDto['counts'],
    progress: { processed: b.processed, total: b.total },
    result: b.result as ImportDto['result'],
    error: b.error,
    undoneAt: b.undone_at ? b.undone_at.toISOString() : null,
  };
}

/**
 * A preview row as the caller sees it. Restricted contacts matched on a phone or email were already left out of the
 * stored row when whoever previewed may not see restricted details (the note says how many). When the previewer could
 * see them and `viewer` may not (a coordinator previewed a staff member's file), they are taken out here: the row then
 * names neither them nor, once run, the restricted contact it was applied to. Without a viewer the row is shown as stored.
 */
export function toRowDto(r: ImportRowRow, names: Map<string, string>, viewer?: Actor): ImportRowDto {
  const stored = r.match_reasons ?? [];
  const note = stored.find(isRestrictedMatchNote);
  let matchReason = stored.filter((m) => !isRestrictedMatchNote(m)) as DuplicateReason[];
  let matchedContactId = r.matched_contact_id;
  let candidates = (r.candidates ?? []) as DuplicateCandidateDto[];
  let contactId = r.contact_id;
  let hidden = note?.withheld ? note.count : 0;
  if (note && !note.withheld && viewer && !seesRestrictedDetails(viewer)) {
    const ids = new Set(note.contactIds);
    if (matchedContactId && ids.has(matchedContactId)) [matchedContactId, matchReason] = [null, []];
    candidates = candidates.filter((c) => !ids.has(c.contactId));
    if (contactId && ids.has(contactId)) contactId = null;
    hidden = note.count;
  }
  return {
    row: r.row_number,
    values: r.raw,
    name: r.name,
    outcome: r.outcome ?? 'invalid',
    errors: (r.errors ?? []) as RowError[],
    // The English sentences stay for scripts; notes carry the codes the web app translates.
    warnings: readNotes(r.warnings).map((n) => n.message),
    matchedContactId,
    matchedContactName: matchedContactId ? (names.get(matchedContactId) ?? null) : null,
    matchReason,
    candidates,
    hiddenMatches: hiddenMatches(hidden),
    duplicateOfRow: r.duplicate_of_row,
    decision: r.decision,
    action: r.action,
    contactId,
    messages: readNotes(r.messages).map((n) => n.message),
    notes: { warnings: readNotes(r.warnings), messages: readNotes(r.messages) },
  };
}
