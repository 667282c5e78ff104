import { ApiError } from '$lib/api';
import { describeError } from '$lib/error-message';
import { t, type MessageKey } from '$lib/i18n/i18n.svelte';
import { governorateList } from '$lib/i18n/labels';
import type { CustomFieldDef } from '$domain/custom-fields';
import { isCustomMapping } from '$domain/imports/custom-cells';
import { fieldLabel } from '$lib/custom-fields/custom-value-text';
import type { ImportOutcome, ImportRow, ImportStatus, MappingField } from './types';

/** A mapping target's name; a custom field (`cf:<key>`) by its label, or its key once it is no longer in use. */
export function importFieldLabel(field: MappingField, customFields: readonly CustomFieldDef[] = []): string {
  if (!isCustomMapping(field)) return t(`imports.field.${field}`);
  const def = customFields.find((f) => `cf:${f.key}` === field);
  return def ? fieldLabel(def) : field.slice(3);
}
export const outcomeLabel = (outcome: ImportOutcome | 'blank') => t(`imports.outcome.${outcome}`);
export const statusLabel = (status: ImportStatus) => t(`imports.status.${status}`);
export const actionLabel = (action: NonNullable<ImportRow['action']>) => t(`imports.action.${action}`);

/** A row's field error in the user's language when its code is known, else the server's sentence. */
const ROW_ERROR_CODES = [
  'required',
  'unknown_governorate',
  'out_of_scope',
  'bad_phone',
  'bad_email',
  'unknown_kind',
  'unknown_subtype',
  'unknown_gender',
  'too_long',
  'too_many',
];

export function rowErrorLabel(error: ImportRow['errors'][number]): string {
  if (error.code === 'unknown_governorate' && error.suggestion) {
    return t('imports.rowError.unknown_governorate_closest', { name: governorateList([error.suggestion]) });
  }
  return ROW_ERROR_CODES.includes(error.code) ? t(`imports.rowError.${error.code}` as MessageKey) : error.message;
}

const IMPORT_PROBLEMS: Record<string, MessageKey> = {
  IMPORT_TOO_LARGE: 'imports.file.tooLarge',
  HTTP_413: 'imports.file.tooLarge',
  IMPORT_TOO_MANY_ROWS: 'imports.file.tooManyRows',
  IMPORT_UNSUPPORTED_FORMAT: 'imports.file.unsupported',
  HTTP_415: 'imports.file.unsupported',
  IMPORT_EMPTY: 'imports.file.empty',
  IMPORT_NOT_EDITABLE: 'imports.error.notEditable',
  IMPORT_NOT_PREVIEWED: 'imports.error.notPreviewed',
  IMPORT_IN_PROGRESS: 'imports.error.inProgress',
};

/** describeError, knowing the import problem codes too. */
export function describeImportError(error: unknown): string {
  if (error instanceof ApiError && IMPORT_PROBLEMS[error.code]) return t(IMPORT_PROBLEMS[error.code]);
  return describeError(error);
}

/** Status badge colour: done in green, stopped in amber. */
export function statusBadgeClass(status: ImportStatus): string {
  if (status === 'committed') return 'badge badge-ok';
  if (status === 'failed') return 'badge badge-warning';
  return 'badge';
}
