import type { Db } from '../../db/database.js';
import type { Actor } from '../../access/actor.js';
import { trashRelationship } from '../trash/trash-capture.js';
import { stripBidiControls } from '../../domain/text/clean-text.js';
import { AppError, conflict, invalid, notFound, type FieldError } from '../../errors.js';
import { fieldChanges } from '../../domain/history/field-changes.js';
import { recordAudit } from '../audit/audit.repository.js';
import { assertMayWriteContacts } from '../../access/actor-access.js';
import { assertLinkedVisible, loadVisibleRef, loadVisibleRefs } from '../../access/contact-access.js';
import { findRelationshipTypeByKey } from '../relationship-types/relationship-types.repository.js';
import { hasCurrentPosition, positionsOf } from '../positions/positions.service.js';
import { recentInteractionsOf } from '../interactions/interactions.service.js';
import * as repo from './relationships.repository.js';
import type {
  ConnectionDto,
  ConnectionsDto,
  CreateRelationshipInput,
  ListRelationshipsFilter,
  RelationshipDto,
  UpdateRelationshipInput,
} from './relationships.schemas.js';

const STALE = 'Someone else changed this relationship since you opened it; reload and try again';
const exists = () =>
  conflict('RELATIONSHIP_EXISTS', 'These two contacts already have an active relationship of this type; end it first or edit it');

function toDto(row: repo.RelationshipRow): RelationshipDto {
  return {
    id: row.id,
    type: {
      id: row.type_id,
      key: row.type_key,
      symmetric: row.symmetric,
      labels: {
        forward: { ar: row.label_forward_ar, en: row.label_forward_en },
        reverse: { ar: row.label_reverse_ar, en: row.label_reverse_en },
      },
    },
    from: { id: row.from_contact_id, name: row.from_name, kind: row.from_kind },
    to: { id: row.to_contact_id, name: row.to_name, kind: row.to_kind },
    startDate: row.start_date,
    endDate: row.end_date,
    active: row.end_date === null,
    strength: row.strength,
    note: row.note,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

/**
 * The relationship seen from `contactId`: the forward label when it is the `from` side ("member of"), the reverse
 * label when it is the `to` side ("has member"). Symmetric types read the forward label both ways.
 */
export function toConnection(row: repo.RelationshipRow, contactId: string): ConnectionDto {
  const isFrom = row.from_contact_id === contactId;
  const forward = isFrom || row.symmetric;
  return {
    id: row.id,
    type: {
      key: row.type_key,
      symmetric: row.symmetric,
      direction: isFrom ? 'from' : 'to',
      label: forward ? { ar: row.label_forward_ar, en: row.label_forward_en } : { ar: row.label_reverse_ar, en: row.label_reverse_en },
    },
    otherContact: isFrom
      ? { id: row.to_contact_id, name: row.to_name, kind: row.to_kind }
      : { id: row.from_contact_id, name: row.from_name, kind: row.from_kind },
    startDate: row.start_date,
    endDate: row.end_date,
    active: row.end_date === null,
    strength: row.strength,
    note: row.note,
    version: row.version,
  };
}

const clean = (text: string | null | undefined) => (text == null ? null : stripBidiControls(text, { keepMarks: true }).trim() || null);

function checkDates(start: string | null, end: string | null): FieldError[] {
  return start !== null && end !== null && end < start
    ? [{ field: 'endDate', code: 'date_order', message: 'must not be before the start date' }]
    : [];
}

/** A relationship is visible when both its contacts are. */
async function loadRelationship(db: Db, actor: Actor, id: string, forUpdate = false) {
  const row = await repo.findRelationship(db, id, forUpdate);
  if (!row) throw notFound('Relationship');
  await assertLinkedVisible(db, actor, [row.from_contact_id, row.to_contact_id], 'all', 'Relationship');
  return row;
}

/** The unique index on active relationships is the last line against a duplicate two requests raced to create. */
async function mapUniqueViolation<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof AppError) && (error as { code?: string }).code === '23505') throw exists();
    throw error;
  }
}

export async function listRelationships(db: Db, actor: Actor, filter: ListRelationshipsFilter) {
  if (filter.contact) await loadVisibleRef(db, actor, filter.contact);
  const rows = await repo.listRelationships(db, {
    contact: filter.contact,
    typeKey: filter.type,
    active: filter.active,
    governorate: filter.governorate,
    from: filter.from,
    to: filter.to,
    visibleGovernorates: actor.governorates,
  });
  return { items: rows.map(toDto) };
}

export async function createRelationship(db: Db, actor: Actor, input: CreateRelationshipInput): Promise<RelationshipDto> {
  assertMayWriteContacts(actor, 'relationships');
  const errors: FieldError[] = [];
  if (input.fromContactId === input.toContactId) {
    errors.push({ field: 'toContactId', code: 'self', message: 'a contact cannot have a relationship with itself' });
  }
  errors.push(...checkDates(input.startDate ?? null, input.endDate ?? null));
  if (errors.length) throw invalid(errors);
  return mapUniqueViolation(() =>
    db.transaction().execute(async (trx) => {
      const type = await findRelationshipTypeByKey(trx, input.type);
      if (!type) throw invalid([{ field: 'type', code: 'unknown', message: 'is not a known relationship type' }]);
      await repo.lockPair(trx, input.fromContactId, input.toContactId);
      await loadVisibleRefs(trx, actor, [input.fromContactId, input.toContactId]);
      const endDate = input.endDate ?? null;
      if (endDate === null && (await repo.findActiveDuplicate(trx, type.id, input.fromContactId, input.toContactId, type.symmetric))) {
        throw exists();
      }
      const values = {
        type_id: type.id,
        from_contact_id: input.fromContactId,
        to_contact_id: input.toContactId,
        start_date: input.startDate ?? null,
        end_date: endDate,
        strength: input.strength ?? null,
        note: clean(input.note),
      };
      const id = await repo.insertRelationship(trx, { ...values, created_by: actor.id });
      await recordAudit(trx, {
        userId: actor.id,
        action: 'create',
        entityType: 'relationship',
        entityId: id,
        changes: fieldChanges(null, values),
        details: { type: type.key, fromContactId: input.fromContactId, toContactId: input.toContactId },
      });
      return toDto((await repo.findRelationship(trx, id))!);
    }),
  );
}

export async function updateRelationship(db: Db, actor: Actor, id: string, input: UpdateRelationshipInput): Promise<RelationshipDto> {
  assertMayWriteContacts(actor, 'relationships');
  return mapUniqueViolation(() =>
    db.transaction().execute(async (trx) => {
      const current = await loadRelationship(trx, actor, id, true);
      if (current.version !== input.version) throw conflict('CONFLICT', STALE);
      const values: Partial<repo.RelationshipValues> = {};
      if (input.startDate !== undefined) values.start_date = input.startDate;
      if (input.endDate !== undefined) values.end_date = input.endDate;
      if (input.strength !== undefined) values.strength = input.strength;
      if (input.note !== undefined) values.note = clean(input.note);
      const endDate = values.end_date !== undefined ? values.end_date : current.end_date;
      const errors = checkDates(values.start_date !== undefined ? values.start_date : current.start_date, endDate);
      if (errors.length) throw invalid(errors);
      // Re-opening an ended relationship must not create a second active one.
      if (current.end_date !== null && endDate === null) {
        await repo.lockPair(trx, current.from_contact_id, current.to_contact_id);
        const duplicate = await repo.findActiveDuplicate(
          trx,
          current.type_id,
          current.from_contact_id,
          current.to_contact_id,
          current.symmetric,
          id,
        );
        if (duplicate) throw exists();
      }
      const changed = (Object.keys(values) as (keyof repo.RelationshipValues)[]).filter((k) => values[k] !== current[k]);
      if (!(await repo.updateRelationship(trx, id, current.version, values))) throw conflict('CONFLICT', STALE);
      await recordAudit(trx, {
        userId: actor.id,
        action: 'update',
        entityType: 'relationship',
        entityId: id,
        changedFields: changed,
        changes: fieldChanges(current, values, Object.keys(values)),
      });
      return toDto((await repo.findRelationship(trx, id))!);
    }),
  );
}

export async function deleteRelationship(db: Db, actor: Actor, id: string, version: number | undefined): Promise<void> {
  assertMayWriteContacts(actor, 'relationships');
  await db.transaction().execute(async (trx) => {
    const current = await loadRelationship(trx, actor, id, true);
    if (version !== undefined && current.version !== version) throw conflict('CONFLICT', STALE);
    const trashId = await trashRelationship(trx, actor, current);
    await repo.deleteRelationship(trx, id);
    await recordAudit(trx, {
      userId: actor.id,
      action: 'delete',
      entityType: 'relationship',
      entityId: id,
      details: { type: current.type_key, fromContactId: current.from_contact_id, toContactId: current.to_contact_id, trashId },
    });
  });
}

/** Everything around one contact: its positions (held, and in it), relationships from its side, recent interactions. */
export async function getConnections(db: Db, actor: Actor, contactId: string): Promise<ConnectionsDto> {
  const contact = await loadVisibleRef(db, actor, contactId);
  const [positions, heldPositions, relationships, interactions, hasCurrent] = await Promise.all([
    positionsOf(db, actor, contactId, 'organization'),
    positionsOf(db, actor, contactId, 'person'),
    repo.listRelationships(db, { contact: contactId, visibleGovernorates: actor.governorates }),
    recentInteractionsOf(db, actor, contactId, 20),
    contact.kind === 'government_focal_point' ? hasCurrentPosition(db, contactId) : Promise.resolve(true),
  ]);
  return {
    contact: { id: contact.id, name: contact.name, kind: contact.kind },
    positions,
    heldPositions,
    currentFocalPoints: positions.filter((p) => p.current && p.isFocalPoint),
    relationships: relationships.map((r) => toConnection(r, contactId)),
    interactions,
    focalPointWithoutCurrentPosition: contact.kind === 'government_focal_point' && !hasCurrent,
  };
}
