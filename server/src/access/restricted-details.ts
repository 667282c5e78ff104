import type { Actor } from './actor.js';
import { canSeeRestrictedDetails } from '../domain/roles.js';
import type { CustomFieldDef, CustomValues } from '../domain/custom-fields.js';

/**
 * The one restricted-details rule: a restricted contact's phones, emails, notes and restricted custom fields are
 * withheld from roles that may not see them. Every DTO mapper, export and match list asks here, so the rule cannot drift between them.
 */

/** The contact fields the rule withholds, by their stored (and API) names. */
export const RESTRICTED_DETAIL_FIELDS = ['phones', 'emails', 'notes'] as const;

export const seesRestrictedDetails = (actor: Actor) => canSeeRestrictedDetails(actor.role);

/** True when this actor must not see (nor learn by matching) the contact's phones, emails and notes. */
export const hidesRestrictedDetails = (actor: Actor, contact: { sensitivity: string }) =>
  contact.sensitivity === 'restricted' && !seesRestrictedDetails(actor);

/**
 * A contact's custom values as this actor may see them: fields in use only (archived ones wait for a purge), and a
 * restricted field's value withheld exactly when phones are.
 */
export function visibleCustomValues(
  actor: Actor,
  contact: { sensitivity: string; custom_values: CustomValues },
  fields: readonly CustomFieldDef[],
): CustomValues {
  const hidden = hidesRestrictedDetails(actor, contact);
  const shown = fields.filter((f) => !(hidden && f.restricted) && contact.custom_values[f.key] !== undefined);
  return Object.fromEntries(shown.map((f) => [f.key, contact.custom_values[f.key]]));
}

/** The keys of the restricted custom fields, which a caller who cannot see the details must not write either. */
export const restrictedFieldKeys = (fields: readonly CustomFieldDef[]) => fields.filter((f) => f.restricted).map((f) => f.key);

/**
 * Whether a contact's history withholds this changed field from a caller who may not see its details: phones, emails,
 * notes, and a custom value (`custom.<key>`) unless its field is known and not restricted (a purged one is withheld).
 */
export function withheldHistoryField(field: string, fields: readonly CustomFieldDef[]): boolean {
  if ((RESTRICTED_DETAIL_FIELDS as readonly string[]).includes(field)) return true;
  if (!field.startsWith('custom.')) return false;
  const def = fields.find((f) => `custom.${f.key}` === field);
  return def === undefined || def.restricted;
}
