import { createHash } from 'node:crypto';
import type { Db } from '../../db/database.js';
import type { Actor } from '../../access/actor.js';
import { AppError, invalid, notFound } from '../../errors.js';
import { loadVisibleContact } from '../../access/contact-access.js';
import { assertMayWriteContacts } from '../../access/actor-access.js';
import { hidesRestrictedDetails } from '../../access/restricted-details.js';
import { currentConsent, refusesScope, sniffConsentFileType, type ConsentFact, type ConsentScope } from '../../domain/consent.js';
import { recordAudit } from '../audit/audit.repository.js';
import * as repo from './consent.repository.js';
import type { ConsentListDto, ConsentRecordDto, CreateConsentInput } from './consent.schemas.js';

export const toFact = (row: repo.ConsentRecordRow): ConsentFact => ({
  id: row.id,
  kind: row.kind,
  basis: row.basis,
  scopes: row.scopes,
  recordedOn: row.recorded_on,
  createdAt: row.created_at.toISOString(),
});

export function toRecordDto(row: repo.ConsentRecordRow, hideNote: boolean): ConsentRecordDto {
  return {
    id: row.id,
    contactId: row.contact_id,
    kind: row.kind,
    basis: row.basis,
    scopes: row.scopes,
    recordedOn: row.recorded_on,
    note: hideNote ? null : row.note,
    recordedBy: row.recorded_by ? { id: row.recorded_by, name: row.recorded_by_name ?? '' } : null,
    createdAt: row.created_at.toISOString(),
    file: row.file_mime ? { mime: row.file_mime, size: row.file_size!, sha256: row.file_sha256! } : null,
  };
}

/** A contact's consent: the records newest first, the current answer per scope, and the earlier free-text note. */
export async function listConsents(db: Db, actor: Actor, contactId: string): Promise<ConsentListDto> {
  const contact = await loadVisibleContact(db, actor, contactId);
  const rows = await repo.listConsentRecords(db, [contactId]);
  const hidden = hidesRestrictedDetails(actor, contact);
  return {
    records: rows.map((r) => toRecordDto(r, hidden)).reverse(),
    current: currentConsent(rows.map(toFact)),
    earlierNote: contact.consent_note,
    canViewFiles: !hidden,
  };
}

export interface UploadedScan {
  bytes: Buffer;
}

/**
 * Appends a record (never edits one: a withdrawal is a new record), with its scan when one came along, in one
 * transaction with its audit row. The scan's type comes from its first bytes; a name or a claimed type proves nothing.
 */
export async function addConsent(
  db: Db,
  actor: Actor,
  contactId: string,
  input: CreateConsentInput,
  scan: UploadedScan | null,
): Promise<ConsentListDto> {
  assertMayWriteContacts(actor, 'contacts');
  const mime = scan ? sniffConsentFileType(scan.bytes) : null;
  if (scan && !mime) throw new AppError(415, 'UNSUPPORTED_FILE_TYPE', 'The scan must be a PDF, JPEG or PNG file');
  if (input.recordedOn > new Date().toISOString().slice(0, 10)) {
    throw invalid([{ field: 'recordedOn', code: 'future', message: 'consent cannot be recorded for a day still to come' }]);
  }
  await db.transaction().execute(async (trx) => {
    await loadVisibleContact(trx, actor, contactId, true);
    const recordId = await repo.insertConsentRecord(trx, {
      contact_id: contactId,
      kind: input.kind,
      basis: input.basis,
      scopes: input.scopes,
      recorded_on: input.recordedOn,
      note: input.note?.trim() || null,
      recorded_by: actor.id,
    });
    const sha256 = scan ? createHash('sha256').update(scan.bytes).digest('hex') : null;
    if (scan && mime && sha256)
      await repo.insertConsentFile(trx, { record_id: recordId, mime, size: scan.bytes.length, sha256, bytes: scan.bytes });
    await recordAudit(trx, {
      userId: actor.id,
      action: 'create',
      entityType: 'consent_record',
      entityId: recordId,
      details: {
        contactId,
        kind: input.kind,
        scopes: input.scopes,
        basis: input.basis,
        file: scan ? { mime, size: scan.bytes.length, sha256 } : undefined,
      },
    });
  });
  return listConsents(db, actor, contactId);
}

/** The scan of a record, for roles that may see the contact's details; every view is audited. */
export async function consentFile(db: Db, actor: Actor, recordId: string) {
  const contactId = await repo.findConsentRecordContact(db, recordId);
  if (!contactId) throw notFound('Consent file');
  const contact = await loadVisibleContact(db, actor, contactId).catch(() => {
    throw notFound('Consent file');
  });
  if (hidesRestrictedDetails(actor, contact)) throw new AppError(403, 'FORBIDDEN', "Your role may not see this contact's consent scans");
  const file = await repo.findConsentFile(db, recordId);
  if (!file) throw notFound('Consent file');
  await recordAudit(db, {
    userId: actor.id,
    action: 'view',
    entityType: 'consent_record',
    entityId: recordId,
    details: { contactId, file: true },
  });
  return file;
}

/** Among these contacts, those whose current answer for `scope` is no: outreach on that channel skips them. */
export async function refusing(db: Db, contactIds: string[], scope: ConsentScope): Promise<Set<string>> {
  const rows = await repo.listConsentRecords(db, [...new Set(contactIds)]);
  const byContact = new Map<string, ConsentFact[]>();
  for (const row of rows) byContact.set(row.contact_id, [...(byContact.get(row.contact_id) ?? []), toFact(row)]);
  return new Set([...byContact].filter(([, facts]) => refusesScope(facts, scope)).map(([id]) => id));
}
