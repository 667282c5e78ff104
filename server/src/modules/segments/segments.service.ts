import type { Db } from '../../db/database.js';
import type { Actor } from '../../access/actor.js';
import { conflict, forbidden, notFound } from '../../errors.js';
import { canWriteContacts } from '../../domain/roles.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { ContactFilter } from '../contacts/contact-list-filter.js';
import { countContacts } from '../contacts/contact-list.repository.js';
import { resolveFilterScope } from '../contacts/contact-list.service.js';
import * as repo from './segments.repository.js';
import type { CreateSegmentInput, SegmentDto, UpdateSegmentInput } from './segments.schemas.js';

/**
 * Saved segments: a named filter over the contacts list, re-evaluated on every use with the caller's own scope, so a
 * shared segment never shows a scoped colleague more than their governorates. A personal segment exists only for its
 * owner (404 for everyone else); a shared one is read by everyone and changed by its owner or an administrator.
 */

const visible = (actor: Actor, row: repo.SegmentRow) => row.shared || row.owner_id === actor.id;
const editable = (actor: Actor, row: repo.SegmentRow) => row.owner_id === actor.id || (row.shared && actor.role === 'admin');
const stale = () => conflict('CONFLICT', 'Someone else changed this segment since you opened it; reload and try again');

/** Viewers keep segments for themselves; sharing one with the team is for roles that work on the directory. */
function assertMayShare(actor: Actor, shared: boolean | undefined) {
  if (shared && !canWriteContacts(actor.role)) throw forbidden('Your role may keep personal segments only');
}

async function loadVisible(db: Db, actor: Actor, id: string, forUpdate = false): Promise<repo.SegmentRow> {
  const row = await repo.findSegment(db, id, forUpdate);
  if (!row || !visible(actor, row)) throw notFound('Segment');
  return row;
}

export async function countMatching(db: Db, actor: Actor, filter: ContactFilter): Promise<number> {
  return countContacts(db, filter, await resolveFilterScope(db, actor, filter));
}

async function toDto(db: Db, actor: Actor, row: repo.SegmentRow): Promise<SegmentDto> {
  return {
    id: row.id,
    name: row.name,
    shared: row.shared,
    owner: { id: row.owner_id, name: row.owner_name },
    mine: row.owner_id === actor.id,
    canEdit: editable(actor, row),
    filter: row.filter,
    count: await countMatching(db, actor, row.filter),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

/** The stored filter of a segment the actor may see, for `GET /api/contacts?segment=`. */
export async function segmentFilterFor(db: Db, actor: Actor, id: string): Promise<ContactFilter> {
  return (await loadVisible(db, actor, id)).filter;
}

/** One count after another: each is one indexed query, and the sidebar holds a handful of segments. */
export async function listSegments(db: Db, actor: Actor): Promise<{ items: SegmentDto[] }> {
  const items: SegmentDto[] = [];
  for (const row of await repo.listVisibleSegments(db, actor.id)) items.push(await toDto(db, actor, row));
  return { items };
}

export async function getSegment(db: Db, actor: Actor, id: string): Promise<SegmentDto> {
  return toDto(db, actor, await loadVisible(db, actor, id));
}

export async function createSegment(db: Db, actor: Actor, input: CreateSegmentInput): Promise<SegmentDto> {
  assertMayShare(actor, input.shared);
  // The filter must make sense now (ranges in order, a visible organisation) before it is kept.
  await resolveFilterScope(db, actor, input.filter);
  return db.transaction().execute(async (trx) => {
    const values = { name: input.name.trim(), shared: input.shared ?? false, filter: input.filter };
    const id = await repo.insertSegment(trx, { ...values, ownerId: actor.id });
    await recordAudit(trx, {
      userId: actor.id,
      action: 'create',
      entityType: 'segment',
      entityId: id,
      changedFields: ['name', 'shared', 'filter'],
      details: values,
    });
    return toDto(trx, actor, (await repo.findSegment(trx, id))!);
  });
}

export async function updateSegment(db: Db, actor: Actor, id: string, input: UpdateSegmentInput): Promise<SegmentDto> {
  assertMayShare(actor, input.shared);
  if (input.filter) await resolveFilterScope(db, actor, input.filter);
  return db.transaction().execute(async (trx) => {
    const current = await loadVisible(trx, actor, id, true);
    if (!editable(actor, current)) throw forbidden('Only its owner or an administrator can change a shared segment');
    if (current.version !== input.version) throw stale();
    const values = {
      name: input.name?.trim() ?? current.name,
      shared: input.shared ?? current.shared,
      filter: input.filter ?? current.filter,
    };
    if (!(await repo.updateSegment(trx, id, current.version, values))) throw stale();
    const changed = (['name', 'shared', 'filter'] as const).filter((k) => JSON.stringify(values[k]) !== JSON.stringify(current[k]));
    await recordAudit(trx, {
      userId: actor.id,
      action: 'update',
      entityType: 'segment',
      entityId: id,
      changedFields: [...changed],
      details: values,
    });
    return toDto(trx, actor, (await repo.findSegment(trx, id))!);
  });
}

export async function deleteSegment(db: Db, actor: Actor, id: string, version: number | undefined): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const current = await loadVisible(trx, actor, id, true);
    if (!editable(actor, current)) throw forbidden('Only its owner or an administrator can delete a shared segment');
    if (version !== undefined && current.version !== version) throw stale();
    await repo.deleteSegment(trx, id);
    await recordAudit(trx, {
      userId: actor.id,
      action: 'delete',
      entityType: 'segment',
      entityId: id,
      details: { name: current.name, shared: current.shared },
    });
  });
}
