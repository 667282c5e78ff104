/**
 * The import vocabulary the database constrains (import_batch, import_row, import_change): one list per column, used by
 * the row types, the API schemas and the test that compares them with the migrations' CHECK constraints.
 */
export const IMPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** uploaded -> previewed -> committing -> committed (or failed), and committed -> undone. */
export const IMPORT_STATUSES = ['uploaded', 'previewed', 'committing', 'committed', 'failed', 'undone'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** What running the import did with a row. */
export const IMPORT_ACTIONS = ['created', 'updated', 'skipped', 'failed'] as const;
export type ImportAction = (typeof IMPORT_ACTIONS)[number];

/** What an import changed, recorded so the import can be undone. */
export const IMPORT_CHANGE_ENTITY_TYPES = ['contact', 'position'] as const;
export type ImportChangeEntityType = (typeof IMPORT_CHANGE_ENTITY_TYPES)[number];

export const IMPORT_CHANGES = ['created', 'updated'] as const;
export type ImportChange = (typeof IMPORT_CHANGES)[number];
