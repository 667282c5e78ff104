import type { Db } from '../../db/database.js';
import type { Actor } from '../../access/actor.js';
import { forbidden } from '../../errors.js';
import { assertProgrammeVisible, isProgrammeVisible } from '../../access/programme-access.js';
import { canAttributeToProgrammes } from '../../domain/programmes/vocabulary.js';
import { findProgrammeScopes, programmeIdsOf, replaceProgrammeLinks, type AttributedKind } from './programme-refs.repository.js';

/**
 * Attribution of an event, interaction or task to programmes, called by those modules inside their own write
 * transaction. The caller names the programmes it sees; links to programmes outside a scoped caller's governorates are
 * neither shown to them nor dropped by their update.
 */

/** The programme ids each owner shows to `actor`. */
export const visibleProgrammeIds = (db: Db, actor: Actor, kind: AttributedKind, ownerIds: string[]) =>
  programmeIdsOf(db, kind, ownerIds, actor.governorates);

/** Sets the owner's programmes to `requested` (plus the hidden ones it has); answers whether anything changed. */
export async function setProgrammes(
  trx: Db,
  actor: Actor,
  kind: AttributedKind,
  ownerId: string,
  requested: string[],
  isNew = false,
): Promise<boolean> {
  if (!canAttributeToProgrammes(actor.role)) throw forbidden('Your role cannot attribute records to programmes');
  const unique = [...new Set(requested)];
  const scopes = new Map((await findProgrammeScopes(trx, unique, true)).map((p) => [p.id, p]));
  for (const id of unique) assertProgrammeVisible(actor, scopes.get(id));
  const current = isNew ? [] : ((await programmeIdsOf(trx, kind, [ownerId], null)).get(ownerId) ?? []);
  const currentScopes = await findProgrammeScopes(trx, current);
  const kept = currentScopes.filter((p) => !isProgrammeVisible(actor, p.governorates)).map((p) => p.id);
  const next = [...new Set([...unique, ...kept])];
  if (next.length === current.length && next.every((id) => current.includes(id))) return false;
  await replaceProgrammeLinks(trx, kind, ownerId, next);
  return true;
}
