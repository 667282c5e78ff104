import type { Db } from '../../db/database.js';
import type { Actor } from '../../access/actor.js';
import type { TrashEntityType } from '../../domain/trash/vocabulary.js';
import { readSchema } from './foreign-keys.repository.js';
import { captureSnapshot, countRows, type Root, type Snapshot } from './snapshot.repository.js';
import { contactFacts, insertTrashItem, participantIds } from './trash.repository.js';

/**
 * What the delete services call, in their own transaction and before their hard delete: the rows that delete is
 * about to remove are stored in the trash first, so the delete and its trash item commit or fail together.
 */

interface Entry {
  entityType: Exclude<TrashEntityType, 'merge'>;
  entityId: string;
  label: string;
  restricted: boolean;
  governorates: string[];
  /** Further roots deleted with the entity, e.g. interactions left with no participant by a contact's delete. */
  alsoDeleted?: Root[];
}

async function moveToTrash(trx: Db, actor: Actor, entry: Entry): Promise<string> {
  const snapshot = await captureSnapshot(trx, await readSchema(trx), [
    { table: entry.entityType, ids: [entry.entityId] },
    ...(entry.alsoDeleted ?? []),
  ]);
  return insertTrashItem(trx, { ...entry, deletedBy: actor.id, counts: countRows(snapshot), payload: snapshot });
}

/** A label and scope from the contacts a record links: their names, every governorate, restricted if one is. */
async function linkedFacts(trx: Db, ids: string[]) {
  const facts = await contactFacts(trx, ids);
  const name = (id: string) => facts.find((f) => f.id === id)?.name ?? id;
  return {
    names: ids.map(name),
    governorates: [...new Set(facts.flatMap((f) => f.governorates ?? []))],
    restricted: facts.some((f) => f.sensitivity === 'restricted'),
  };
}

export async function trashContact(
  trx: Db,
  actor: Actor,
  contact: { id: string; name: string; sensitivity: string; governorates: string[] },
  emptiedInteractions: string[],
) {
  return moveToTrash(trx, actor, {
    entityType: 'contact',
    entityId: contact.id,
    label: contact.name,
    restricted: contact.sensitivity === 'restricted',
    governorates: contact.governorates,
    alsoDeleted: emptiedInteractions.length ? [{ table: 'interaction', ids: emptiedInteractions }] : [],
  });
}

export async function trashEvent(trx: Db, actor: Actor, event: { id: string; title: string; governorate_code: string | null }) {
  return moveToTrash(trx, actor, {
    entityType: 'event',
    entityId: event.id,
    label: event.title,
    restricted: false,
    governorates: event.governorate_code ? [event.governorate_code] : [],
  });
}

export async function trashPosition(
  trx: Db,
  actor: Actor,
  position: { id: string; title: string; person_id: string; organization_id: string },
) {
  const facts = await linkedFacts(trx, [position.person_id, position.organization_id]);
  return moveToTrash(trx, actor, {
    entityType: 'position',
    entityId: position.id,
    label: `${facts.names[0]} — ${position.title} — ${facts.names[1]}`,
    restricted: facts.restricted,
    governorates: facts.governorates,
  });
}

export async function trashRelationship(
  trx: Db,
  actor: Actor,
  relationship: { id: string; type_key: string; from_contact_id: string; to_contact_id: string },
) {
  const facts = await linkedFacts(trx, [relationship.from_contact_id, relationship.to_contact_id]);
  return moveToTrash(trx, actor, {
    entityType: 'relationship',
    entityId: relationship.id,
    label: `${facts.names[0]} → ${facts.names[1]} (${relationship.type_key})`,
    restricted: facts.restricted,
    governorates: facts.governorates,
  });
}

export async function trashInteraction(trx: Db, actor: Actor, interaction: { id: string; kind: string; summary: string }) {
  const facts = await linkedFacts(trx, await participantIds(trx, interaction.id));
  const summary = interaction.summary.length > 80 ? `${interaction.summary.slice(0, 79)}…` : interaction.summary;
  return moveToTrash(trx, actor, {
    entityType: 'interaction',
    entityId: interaction.id,
    label: summary || interaction.kind,
    restricted: facts.restricted,
    governorates: facts.governorates,
  });
}

/** A programme goes with its donors, governorates, participants and attributions (not the events themselves). */
export async function trashProgramme(trx: Db, actor: Actor, programme: { id: string; label: string; governorates: string[] }) {
  return moveToTrash(trx, actor, {
    entityType: 'programme',
    entityId: programme.id,
    label: programme.label,
    restricted: false,
    governorates: programme.governorates,
  });
}

/** What a merge keeps to be undone: every contact's rows before it, the survivor's after it. */
export interface MergeUndoPayload {
  survivorId: string;
  mergedIds: string[];
  before: Snapshot;
  after: Snapshot;
}

export async function snapshotContacts(trx: Db, ids: string[]): Promise<Snapshot> {
  return captureSnapshot(trx, await readSchema(trx), [{ table: 'contact', ids }]);
}

export async function keepMergeForUndo(
  trx: Db,
  actor: Actor,
  survivor: { id: string; name: string; sensitivity: string; governorates: string[] },
  mergedIds: string[],
  before: Snapshot,
): Promise<string> {
  const after = await snapshotContacts(trx, [survivor.id]);
  const payload: MergeUndoPayload = { survivorId: survivor.id, mergedIds, before, after };
  return insertTrashItem(trx, {
    entityType: 'merge',
    entityId: survivor.id,
    label: survivor.name,
    restricted: survivor.sensitivity === 'restricted',
    governorates: survivor.governorates,
    deletedBy: actor.id,
    counts: { contact: mergedIds.length },
    payload,
  });
}
