import type { Db } from '../../db/database.js';
import type { Actor } from '../../access/actor.js';
import { trashPosition } from '../trash/trash-capture.js';
import { isPersonKind } from '../../domain/contact-kinds.js';
import { stripBidiControls } from '../../domain/text/clean-text.js';
import { conflict, invalid, notFound, type FieldError } from '../../errors.js';
import { fieldChanges } from '../../domain/history/field-changes.js';
import { recordAudit } from '../audit/audit.repository.js';
import { assertMayWriteContacts } from '../../access/actor-access.js';
import { assertLinkedVisible, loadVisibleRef, loadVisibleRefs } from '../../access/contact-access.js';
import type { ContactRefRow } from '../contact-refs/contact-refs.repository.js';
import * as repo from './positions.repository.js';
import type {
  CreatePositionInput,
  ListPositionsFilter,
  PositionDto,
  ReplacePositionInput,
  UpdatePositionInput,
} from './positions.schemas.js';

const STALE = 'Someone else changed this position since you opened it; reload and try again';

export function toPositionDto(row: repo.PositionRow): PositionDto {
  return {
    id: row.id,
    person: { id: row.person_id, name: row.person_name, kind: row.person_kind },
    organization: { id: row.organization_id, name: row.organization_name, kind: row.organization_kind },
    title: row.title,
    isFocalPoint: row.is_focal_point,
    startDate: row.start_date,
    endDate: row.end_date,
    current: row.end_date === null,
    note: row.note,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

const clean = (text: string | null | undefined) => (text == null ? null : stripBidiControls(text, { keepMarks: true }).trim() || null);

function checkPerson(row: ContactRefRow, field: string): FieldError[] {
  return isPersonKind(row.kind) ? [] : [{ field, code: 'kind', message: 'must be a person (an activist or a government focal point)' }];
}

function checkOrganization(row: ContactRefRow, field: string): FieldError[] {
  return row.kind === 'organization' || row.kind === 'volunteer_team'
    ? []
    : [{ field, code: 'kind', message: 'must be an organisation or a volunteer team' }];
}

function checkDates(start: string | null, end: string | null, field = 'endDate'): FieldError[] {
  return start !== null && end !== null && end < start ? [{ field, code: 'date_order', message: 'must not be before the start date' }] : [];
}

/** A position is visible when both its person and its organisation are. */
async function loadPosition(db: Db, actor: Actor, id: string, forUpdate = false) {
  const row = await repo.findPosition(db, id, forUpdate);
  if (!row) throw notFound('Position');
  await assertLinkedVisible(db, actor, [row.person_id, row.organization_id], 'all', 'Position');
  return row;
}

export async function listPositions(db: Db, actor: Actor, filter: ListPositionsFilter) {
  for (const id of [filter.contact, filter.organization]) if (id) await loadVisibleRef(db, actor, id);
  const rows = await repo.listPositions(db, { ...filter, visibleGovernorates: actor.governorates });
  return { items: rows.map(toPositionDto) };
}

export async function createPosition(db: Db, actor: Actor, input: CreatePositionInput): Promise<PositionDto> {
  assertMayWriteContacts(actor, 'positions');
  return db.transaction().execute(async (trx) => {
    const refs = await loadVisibleRefs(trx, actor, [input.personId, input.organizationId], true);
    const startDate = input.startDate ?? null;
    const endDate = input.endDate ?? null;
    const errors = [
      ...checkPerson(refs.get(input.personId)!, 'personId'),
      ...checkOrganization(refs.get(input.organizationId)!, 'organizationId'),
      ...checkDates(startDate, endDate),
    ];
    if (errors.length) throw invalid(errors);
    const values = {
      person_id: input.personId,
      organization_id: input.organizationId,
      title: stripBidiControls(input.title).trim(),
      is_focal_point: input.isFocalPoint ?? false,
      start_date: startDate,
      end_date: endDate,
      note: clean(input.note),
    };
    const id = await repo.insertPosition(trx, values);
    await recordAudit(trx, {
      userId: actor.id,
      action: 'create',
      entityType: 'position',
      entityId: id,
      changes: fieldChanges(null, values),
      details: { personId: input.personId, organizationId: input.organizationId },
    });
    return toPositionDto((await repo.findPosition(trx, id))!);
  });
}

export async function updatePosition(db: Db, actor: Actor, id: string, input: UpdatePositionInput): Promise<PositionDto> {
  assertMayWriteContacts(actor, 'positions');
  return db.transaction().execute(async (trx) => {
    const current = await loadPosition(trx, actor, id, true);
    if (current.version !== input.version) throw conflict('CONFLICT', STALE);
    const values: Partial<repo.PositionValues> = {};
    if (input.title !== undefined) values.title = stripBidiControls(input.title).trim();
    if (input.isFocalPoint !== undefined) values.is_focal_point = input.isFocalPoint;
    if (input.startDate !== undefined) values.start_date = input.startDate;
    if (input.endDate !== undefined) values.end_date = input.endDate;
    if (input.note !== undefined) values.note = clean(input.note);
    const errors = checkDates(
      values.start_date !== undefined ? values.start_date : current.start_date,
      values.end_date !== undefined ? values.end_date : current.end_date,
    );
    if (errors.length) throw invalid(errors);
    const changed = (Object.keys(values) as (keyof repo.PositionValues)[]).filter((k) => values[k] !== current[k]);
    if (!(await repo.updatePosition(trx, id, current.version, values))) throw conflict('CONFLICT', STALE);
    await recordAudit(trx, {
      userId: actor.id,
      action: 'update',
      entityType: 'position',
      entityId: id,
      changedFields: changed,
      changes: fieldChanges(current, values, Object.keys(values)),
    });
    return toPositionDto((await repo.findPosition(trx, id))!);
  });
}

export async function deletePosition(db: Db, actor: Actor, id: string, version: number | undefined): Promise<void> {
  assertMayWriteContacts(actor, 'positions');
  await db.transaction().execute(async (trx) => {
    const current = await loadPosition(trx, actor, id, true);
    if (version !== undefined && current.version !== version) throw conflict('CONFLICT', STALE);
    const trashId = await trashPosition(trx, actor, current);
    await repo.deletePosition(trx, id);
    await recordAudit(trx, {
      userId: actor.id,
      action: 'delete',
      entityType: 'position',
      entityId: id,
      details: { personId: current.person_id, organizationId: current.organization_id, trashId },
    });
  });
}

/**
 * Hands a current position to another person in one transaction: the old holder's position ends on the start
 * date and the new holder's begins on it, so the office keeps its history.
 */
export async function replacePosition(
  db: Db,
  actor: Actor,
  id: string,
  input: ReplacePositionInput,
): Promise<{ ended: PositionDto; created: PositionDto }> {
  assertMayWriteContacts(actor, 'positions');
  return db.transaction().execute(async (trx) => {
    const current = await loadPosition(trx, actor, id, true);
    if (input.version !== undefined && current.version !== input.version) throw conflict('CONFLICT', STALE);
    if (current.end_date !== null)
      throw conflict('POSITION_ENDED', 'This position has already ended; only a current position can be handed over');
    const person = await loadVisibleRef(trx, actor, input.person, true);
    const errors = [...checkPerson(person, 'person'), ...checkDates(current.start_date, input.startDate, 'startDate')];
    if (person.id === current.person_id) {
      errors.push({ field: 'person', code: 'same_person', message: 'the new holder must be another person' });
    }
    if (errors.length) throw invalid(errors);
    if (!(await repo.updatePosition(trx, id, current.version, { end_date: input.startDate }))) throw conflict('CONFLICT', STALE);
    const newId = await repo.insertPosition(trx, {
      person_id: person.id,
      organization_id: current.organization_id,
      title: input.title === undefined ? current.title : stripBidiControls(input.title).trim(),
      is_focal_point: input.isFocalPoint ?? current.is_focal_point,
      start_date: input.startDate,
      end_date: null,
      note: null,
    });
    await recordAudit(trx, {
      userId: actor.id,
      action: 'update',
      entityType: 'position',
      entityId: id,
      changedFields: ['end_date'],
      changes: fieldChanges(current, { end_date: input.startDate }, ['end_date']),
      details: { replacedBy: newId },
    });
    await recordAudit(trx, {
      userId: actor.id,
      action: 'create',
      entityType: 'position',
      entityId: newId,
      details: { personId: person.id, organizationId: current.organization_id, replaces: id },
    });
    return {
      ended: toPositionDto((await repo.findPosition(trx, id))!),
      created: toPositionDto((await repo.findPosition(trx, newId))!),
    };
  });
}

/** For the connections view: the positions of a contact already known to be visible, filtered to visible counterparts. */
export async function positionsOf(db: Db, actor: Actor, contactId: string, side: 'person' | 'organization') {
  const rows = await repo.listPositions(db, {
    ...(side === 'person' ? { person: contactId } : { organization: contactId }),
    visibleGovernorates: actor.governorates,
  });
  return rows.map(toPositionDto);
}

export const hasCurrentPosition = (db: Db, personId: string) => repo.hasCurrentPosition(db, personId);
