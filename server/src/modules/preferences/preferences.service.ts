import type { Db } from '../../db/database.js';
import type { Actor } from '../../access/actor.js';
import * as repo from './preferences.repository.js';
import type { PreferencesDto, UpdatePreferencesInput } from './preferences.schemas.js';

/**
 * The caller's own preferences (every role has them; nobody reads another user's). They are choices of display only:
 * a column the caller may not see stays empty or masked in the table whatever is stored here.
 */
const toDto = (row: repo.PreferenceRow | undefined): PreferencesDto => ({
  contactColumns: row?.contact_columns ?? null,
  contactCustomColumns: row?.contact_custom_columns ?? [],
});

export async function getPreferences(db: Db, actor: Actor): Promise<PreferencesDto> {
  return toDto(await repo.findPreferences(db, actor.id));
}

export async function updatePreferences(db: Db, actor: Actor, input: UpdatePreferencesInput): Promise<PreferencesDto> {
  const changes: Partial<repo.PreferenceRow> = {};
  if (input.contactColumns !== undefined) changes.contact_columns = input.contactColumns;
  if (input.contactCustomColumns !== undefined) changes.contact_custom_columns = input.contactCustomColumns;
  return toDto(await repo.savePreferences(db, actor.id, changes));
}
