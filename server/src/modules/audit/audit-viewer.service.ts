import type { Db } from '../../db/database.js';
import type { Actor } from '../../access/actor.js';
import { canViewAudit } from '../../domain/audit/audit-actions.js';
import { forbidden, invalid } from '../../errors.js';
import { loadVisibleContact } from '../../access/contact-access.js';
import type { AuditAlertThresholds } from './audit-alerts.js';
import * as repo from './audit-viewer.repository.js';
import type { AccessLogDto, AuditEntryDto, AuditFilter, AuditPageDto, NeedsALookDto } from './audit.schemas.js';

/*
 * Reading the log is not itself audited: it would double the log for every page turn and tell nothing about the
 * people in the directory. Nothing here writes: the database refuses changes to audit_log anyway (migration 20261203140000).
 */

function assertMayViewAudit(actor: Actor) {
  if (!canViewAudit(actor.role)) throw forbidden('Only administrators and coordinators can read the audit log');
}

/** Admins read the whole log; a coordinator the rows about their governorates (none limit: the whole log too). */
const scopeOf = (actor: Actor): string[] | null => (actor.role === 'admin' ? null : actor.governorates);

/** Lists of ids carried by some rows: their number is what a reader needs, and the rows stay readable. */
const ID_LISTS = ['restrictedContactIds', 'invitationIds'];

function exportSummary(details: Record<string, unknown> | null): AuditEntryDto['export'] {
  const d = details ?? {};
  const count = [d.rows, d.count, d.badges].find((n): n is number => typeof n === 'number');
  const ids = Array.isArray(d.invitationIds) ? d.invitationIds.length : undefined;
  const filters = d.filters && typeof d.filters === 'object' ? (d.filters as Record<string, unknown>) : null;
  const group = typeof d.group === 'string' ? { group: d.group } : null;
  return {
    format: typeof d.format === 'string' ? d.format : null,
    rows: count ?? ids ?? null,
    filters: filters ?? group,
  };
}

function withoutIdLists(details: Record<string, unknown> | null): Record<string, unknown> | null {
  if (!details) return null;
  return Object.fromEntries(Object.entries(details).filter(([key]) => !ID_LISTS.includes(key)));
}

const userRef = (id: string | null, name: string | null) => (id && name !== null ? { id, name } : null);

function toEntryDto(row: repo.AuditViewerRow): AuditEntryDto {
  return {
    id: row.id,
    at: row.at.toISOString(),
    user: userRef(row.user_id, row.user_name),
    action: row.action,
    entity: { type: row.entity_type, id: row.entity_id, label: row.entity_label },
    changedFields: row.changed_fields,
    details: withoutIdLists(row.details),
    export: row.action === 'export' ? exportSummary(row.details) : null,
    address: row.address,
  };
}

const encodeCursor = (row: repo.AuditViewerRow) => Buffer.from(`${row.at_key}|${row.id}`).toString('base64url');

function decodeCursor(cursor: string): { at: string; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  if (!at || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(at) || !/^\d{1,19}$/.test(id ?? '')) {
    throw invalid([{ field: 'cursor', code: 'invalid', message: 'is not a cursor this list gave' }]);
  }
  return { at, id };
}

function assertRange(filter: { from?: string; to?: string }) {
  if (filter.from && filter.to && filter.from > filter.to) {
    throw invalid([{ field: 'to', code: 'before_from', message: 'must not be before from' }]);
  }
}

export async function listAudit(db: Db, actor: Actor, filter: AuditFilter): Promise<AuditPageDto> {
  assertMayViewAudit(actor);
  assertRange(filter);
  const scope = scopeOf(actor);
  const rows = await repo.listAuditRows(db, {
    userId: filter.userId,
    group: filter.action,
    entityType: filter.entityType,
    entityId: filter.entityId,
    from: filter.from,
    to: filter.to,
    before: filter.cursor ? decodeCursor(filter.cursor) : undefined,
    limit: filter.limit + 1,
    governorates: scope,
  });
  const page = rows.slice(0, filter.limit);
  return {
    items: page.map(toEntryDto),
    nextCursor: rows.length > filter.limit ? encodeCursor(page[page.length - 1]) : null,
    scope,
  };
}

const utcToday = () => new Date().toISOString().slice(0, 10);

export async function needsALook(db: Db, actor: Actor, day: string | undefined, thresholds: AuditAlertThresholds): Promise<NeedsALookDto> {
  assertMayViewAudit(actor);
  const on = day ?? utcToday();
  const scope = scopeOf(actor);
  const [restricted, failed, addresses] = await Promise.all([
    repo.restrictedAccessOver(db, on, thresholds.restricted, scope),
    repo.failedSignInsAtLeast(db, on, thresholds.failedLogins, scope),
    repo.manyAddressesAtLeast(db, on, thresholds.addresses, scope),
  ]);
  const item = (kind: NeedsALookDto['items'][number]['kind']) => (row: repo.AlertRow) => ({
    kind,
    user: userRef(row.user_id, row.user_name),
    address: row.address,
    count: row.count,
  });
  return {
    day: on,
    thresholds,
    items: [...restricted.map(item('restricted_access')), ...failed.map(item('failed_sign_ins')), ...addresses.map(item('many_addresses'))],
  };
}

/**
 * "Who viewed or exported this contact", for admins and coordinators who can see the contact. Only restricted
 * contacts' views are recorded, so for any other contact the answer is `restricted: false` and no items (not a
 * 404: the contact exists and the caller may see it).
 */
export async function contactAccessLog(db: Db, actor: Actor, contactId: string, limit: number): Promise<AccessLogDto> {
  assertMayViewAudit(actor);
  const contact = await loadVisibleContact(db, actor, contactId);
  if (contact.sensitivity !== 'restricted') return { restricted: false, items: [] };
  const rows = await repo.listContactAccess(db, contactId, limit);
  return {
    restricted: true,
    items: rows.map((row) => ({
      at: row.at.toISOString(),
      user: userRef(row.user_id, row.user_name),
      action: row.action,
      export: row.action === 'export' ? exportSummary(row.details) : null,
    })),
  };
}
