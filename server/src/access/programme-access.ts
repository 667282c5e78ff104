import type { Actor } from './actor.js';
import { forbidden, notFound } from '../errors.js';
import { canManageProgrammes } from '../domain/programmes/vocabulary.js';
import { isContactVisible, mayFileIn } from './actor-access.js';

/**
 * Programmes are scoped by their governorates as contacts are (docs/api-programmes.md): a governorate-limited user
 * sees a programme that shares a governorate with their account; an unscoped user sees all. Hidden answers 404.
 */
export const isProgrammeVisible = (actor: Actor, governorates: readonly string[]) => isContactVisible(actor, governorates);

export function assertProgrammeVisible(actor: Actor, programme: { governorates: readonly string[] } | undefined) {
  if (!programme || !isProgrammeVisible(actor, programme.governorates)) throw notFound('Programme');
}

/**
 * Creating, changing or deleting a programme: a coordinator or an administrator, and a scoped one only for a programme
 * wholly inside their governorates (before and after the change), so no one reshapes another region's programme and
 * no one makes a programme they could not see.
 */
export function assertMayManageProgramme(actor: Actor, ...governorateSets: (readonly string[])[]) {
  if (!canManageProgrammes(actor.role)) throw forbidden('Only a coordinator or an administrator can create or change programmes');
  for (const governorates of governorateSets) {
    if (actor.governorates !== null && (governorates.length === 0 || !mayFileIn(actor, governorates))) {
      throw forbidden('You may only manage programmes whose governorates your account covers');
    }
  }
}
