import type { Db } from '../../db/database.js';
import type { ContactTableColumn } from '../../domain/contact-list.js';

export interface PreferenceRow {
  contact_columns: ContactTableColumn[] | null;
  contact_custom_columns: string[] | null;
}

export async function findPreferences(db: Db, userId: string): Promise<PreferenceRow | undefined> {
  return db
    .selectFrom('user_preference')
    .select(['contact_columns', 'contact_custom_columns'])
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/** Writes the given preferences, leaving the others as they were; one statement, so two tabs saving at once both land. */
export async function savePreferences(db: Db, userId: string, changes: Partial<PreferenceRow>): Promise<PreferenceRow> {
  return db
    .insertInto('user_preference')
    .values({ user_id: userId, ...changes })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ ...changes, updated_at: new Date() }))
    .returning(['contact_columns', 'contact_custom_columns'])
    .executeTakeFirstOrThrow();
}
