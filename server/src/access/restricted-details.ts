import type { Actor } from './actor.js';
import { canSeeRestrictedDetails } from '../domain/roles.js';

/**
 * The one restricted-details rule: a restricted contact's phones, emails and notes are withheld from roles that may
 * not see them. Every DTO mapper, export and match list asks here, so the rule cannot drift between them.
 */

/** The contact fields the rule withholds, by their stored (and API) names. */
export const RESTRICTED_DETAIL_FIELDS = ['phones', 'emails', 'notes'] as const;

export const seesRestrictedDetails = (actor: Actor) => canSeeRestrictedDetails(actor.role);

/** True when this actor must not see (nor learn by matching) the contact's phones, emails and notes. */
export const hidesRestrictedDetails = (actor: Actor, contact: { sensitivity: string }) =>
  contact.sensitivity === 'restricted' && !seesRestrictedDetails(actor);
