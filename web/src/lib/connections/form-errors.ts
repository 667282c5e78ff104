import { ApiError } from '$lib/api';
import { describeError, localizedFieldErrors } from '$lib/error-message';
import { t } from '$lib/i18n/i18n.svelte';

export interface FormFailure {
  message: string;
  fields: Record<string, string>;
}

/** A failed write as one sentence plus per-field messages; the relationship codes get their own sentences. */
export function formFailure(error: unknown, fieldMessages: Record<string, string> = {}): FormFailure {
  if (!(error instanceof ApiError)) return { message: describeError(error), fields: {} };
  if (error.code === 'RELATIONSHIP_EXISTS') return { message: t('relationships.exists'), fields: {} };
  if (error.code === 'POSITION_ENDED') return { message: t('positions.ended'), fields: {} };
  const fields = error.code === 'VALIDATION_FAILED' || error.status === 400 ? localizedFieldErrors(error) : {};
  for (const field of Object.keys(fields)) if (fieldMessages[field]) fields[field] = fieldMessages[field];
  const message =
    error.status === 400
      ? Object.keys(fields).length > 0
        ? t('error.validation')
        : error.detail || t('error.validation')
      : describeError(error);
  return { message, fields };
}
