import type { Actor } from './actor.js';
import { canChangeSettings, canWriteContacts } from '../domain/roles.js';
import { forbidden } from '../errors.js';

/**
 * Access questions answered from the actor alone, with no database: role and governorate scope. The role rules
 * themselves live in domain/roles.ts so the web app can hide what the server would refuse.
 */

/** A scoped user sees a contact that shares a governorate with their account; an unscoped one sees every contact. */
export const isContactVisible = (actor: Actor, governorates: readonly string[]) =>
  actor.governorates === null || governorates.some((g) => actor.governorates!.includes(g));

/** A scoped user may only file contacts under governorates their account covers, every one of them. */
export const mayFileIn = (actor: Actor, governorates: readonly string[]) =>
  actor.governorates === null || governorates.every((g) => actor.governorates!.includes(g));

/** A governorate filter outside a scoped user's governorates can only match what is hidden from them. */
export const coversGovernorate = (actor: Actor, governorate: string) =>
  actor.governorates === null || actor.governorates.includes(governorate);

export function assertMayFileIn(actor: Actor, governorates: readonly string[]) {
  if (!mayFileIn(actor, governorates)) throw forbidden('You may only file contacts under the governorates your account covers');
}

/** What the refusal names: the directory's parts share one rule but each says which part the caller tried to change. */
export type DirectoryPart = 'contacts' | 'relationships' | 'interactions' | 'positions';

export function assertMayWriteContacts(actor: Actor, part: DirectoryPart = 'contacts') {
  if (!canWriteContacts(actor.role)) throw forbidden(`Your role can read ${part} but not change them`);
}

export function assertMayChangeSettings(actor: Actor, message: string) {
  if (!canChangeSettings(actor.role)) throw forbidden(message);
}
