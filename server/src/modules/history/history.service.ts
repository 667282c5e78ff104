import type { Db } from '../../db/database.js';
import type { Actor } from '../../access/actor.js';
import { isContactVisible } from '../../access/actor-access.js';
import { loadVisibleContact } from '../../access/contact-access.js';
import { hidesRestrictedDetails, withheldHistoryField } from '../../access/restricted-details.js';
import type { CustomFieldDef } from '../../domain/custom-fields.js';
import { listCustomFields } from '../custom-fields/custom-fields.repository.js';
import { toDef } from '../custom-fields/custom-fields.service.js';
import type { FieldChanges, FieldValue } from '../../domain/history/field-changes.js';
import { loadEvent } from '../events/event-access.js';
import * as repo from './history.repository.js';
import type { HistoryEntryDto, HistoryPageDto, HistoryQueryInput } from './history.schemas.js';

/** Fields that hold contact ids: the history names the contacts (those the caller can see) instead. */
const CONTACT_REF_FIELDS = new Set([
  'person_id',
  'organization_id',
  'from_contact_id',
  'to_contact_id',
  'representative_id',
  'contact_id',
  'facilitator_id',
  'participants',
]);
/** Internal ids with nothing to read in them; the entry's label says what the record is. */
const INTERNAL_FIELDS = new Set(['type_id', 'event_id']);

const LABELS: Record<string, (db: Db, ids: string[]) => Promise<repo.LabelRow[]>> = {
  position: repo.positionLabels,
  relationship: repo.relationshipLabels,
  interaction: repo.interactionLabels,
  invitation: repo.invitationLabels,
  event_group: repo.groupLabels,
};

/** A record's history: its contact or event's own entries and those of the records hanging off it, newest first. */
export async function contactHistory(db: Db, actor: Actor, contactId: string, query: HistoryQueryInput): Promise<HistoryPageDto> {
  const contact = await loadVisibleContact(db, actor, contactId);
  const rows = await repo.historyRows(
    db,
    repo.contactTargets(contactId, actor.governorates),
    { before: query.before ?? null, limit: query.limit + 1 },
    contactId,
  );
  return toPage(db, actor, rows, query.limit, hidesRestrictedDetails(actor, contact) ? contactId : null);
}

export async function eventHistory(db: Db, actor: Actor, eventId: string, query: HistoryQueryInput): Promise<HistoryPageDto> {
  await loadEvent(db, eventId);
  const rows = await repo.historyRows(db, repo.eventTargets(eventId, actor.governorates), {
    before: query.before ?? null,
    limit: query.limit + 1,
  });
  return toPage(db, actor, rows, query.limit, null);
}

async function toPage(
  db: Db,
  actor: Actor,
  rows: repo.HistoryRow[],
  limit: number,
  restrictedContactId: string | null,
): Promise<HistoryPageDto> {
  const page = rows.slice(0, limit);
  const labels = await entityLabels(db, page);
  const names = await referencedNames(db, actor, page);
  const fields = restrictedContactId ? (await listCustomFields(db, true)).map(toDef) : [];
  const items = page.map((row): HistoryEntryDto => ({
    id: row.id,
    at: row.at.toISOString(),
    user: row.user_id ? { id: row.user_id, name: row.user_name ?? '' } : null,
    action: row.action,
    entity: { type: row.entity_type, id: row.entity_id, label: labels.get(row.entity_id) ?? null },
    fields: fieldsOf(row.changes, row.entity_type === 'contact' && row.entity_id === restrictedContactId, names, labels, fields),
    changedFields: row.changed_fields,
    link: linkOf(row),
  }));
  return { items, nextBefore: rows.length > limit ? page[page.length - 1].id : null };
}

async function entityLabels(db: Db, rows: repo.HistoryRow[]): Promise<Map<string, string>> {
  const idsOf = (type: string) => [...new Set(rows.filter((r) => r.entity_type === type).map((r) => r.entity_id))];
  // Invitation entries may name a group (group_id): its name is looked up with the groups'.
  const groupIds = rows
    .flatMap((r) => [r.changes?.group_id?.old, r.changes?.group_id?.new])
    .filter((v): v is string => typeof v === 'string');
  const found = await Promise.all(
    Object.entries(LABELS).map(([type, load]) =>
      load(db, type === 'event_group' ? [...new Set([...idsOf(type), ...groupIds])] : idsOf(type)),
    ),
  );
  return new Map(found.flat().map((l) => [l.id, l.label]));
}

/** Names of the contacts the values refer to; those outside the caller's governorates are left out (shown hidden). */
async function referencedNames(db: Db, actor: Actor, rows: repo.HistoryRow[]): Promise<Map<string, string>> {
  const ids = rows.flatMap((r) =>
    Object.entries(r.changes ?? {})
      .filter(([field]) => CONTACT_REF_FIELDS.has(field))
      .flatMap(([, change]) => [change.old, change.new].flatMap((v) => (Array.isArray(v) ? v : [v])))
      .filter((v): v is string => typeof v === 'string'),
  );
  const found = await repo.contactNames(db, ids);
  return new Map(found.filter((c) => isContactVisible(actor, c.governorates)).map((c) => [c.id, c.name]));
}

function fieldsOf(
  changes: FieldChanges | null,
  restricted: boolean,
  names: Map<string, string>,
  labels: Map<string, string>,
  customFields: readonly CustomFieldDef[],
): HistoryEntryDto['fields'] {
  if (!changes) return [];
  return Object.entries(changes)
    .filter(([field]) => !INTERNAL_FIELDS.has(field))
    .map(([field, change]) => {
      if (restricted && withheldHistoryField(field, customFields)) return { field, old: null, new: null, hidden: true };
      if (field === 'group_id') return { field, old: nameOr(change.old, labels), new: nameOr(change.new, labels), hidden: false };
      if (!CONTACT_REF_FIELDS.has(field)) return { field, old: change.old, new: change.new, hidden: false };
      const refs = [change.old, change.new].flatMap((v) => (Array.isArray(v) ? v : [v])).filter((v): v is string => typeof v === 'string');
      if (refs.some((id) => !names.has(id))) return { field, old: null, new: null, hidden: true };
      return { field, old: named(change.old, names), new: named(change.new, names), hidden: false };
    });
}

const nameOr = (value: FieldValue, labels: Map<string, string>): FieldValue =>
  typeof value === 'string' ? (labels.get(value) ?? null) : value;

function named(value: FieldValue, names: Map<string, string>): FieldValue {
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? (names.get(v) ?? null) : v));
  return typeof value === 'string' ? (names.get(value) ?? null) : value;
}

function linkOf(row: repo.HistoryRow): HistoryEntryDto['link'] {
  const d = row.details ?? {};
  if (typeof d.importId === 'string') return { kind: 'import', id: d.importId };
  if (row.action === 'merge' && Array.isArray(d.mergedIds)) return { kind: 'merge', id: row.id, count: d.mergedIds.length };
  if (row.action === 'bulk_update' && typeof d.changed === 'number') return { kind: 'bulk', id: row.id, count: d.changed };
  if (typeof d.replacedBy === 'string') return { kind: 'replaced_by', id: d.replacedBy };
  if (typeof d.replaces === 'string') return { kind: 'replaces', id: d.replaces };
  return null;
}
