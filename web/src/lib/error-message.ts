import { ApiError } from './api';
import { t, type MessageKey } from './i18n/i18n.svelte';

/** Problem codes with a sentence of their own; the rest are described by status. */
const PROBLEM_MESSAGES: Record<string, MessageKey> = {
  NETWORK: 'error.network',
  DATABASE_UNAVAILABLE: 'error.databaseUnavailable',
  CONFLICT: 'error.conflict',
  EMAIL_TAKEN: 'users.emailTaken',
  LAST_ADMIN: 'users.lastAdmin',
  RATE_LIMITED: 'login.rateLimited',
  INVALID_CREDENTIALS: 'login.invalidCredentials',
};

/** A sentence for the user about a failed call, in the current language. */
export function describeError(error: unknown): string {
  if (!(error instanceof ApiError)) return t('error.generic');
  const known = PROBLEM_MESSAGES[error.code];
  if (known) return t(known);
  if (error.status >= 500) return t('error.generic');
  if (error.status === 403) return t('error.forbidden');
  if (error.status === 404) return t('error.notFound');
  if (error.code === 'VALIDATION_FAILED') return t('error.validation');
  return error.detail || t('error.generic');
}

/** ajv keywords and common service codes with a translated message; others keep the server's (English) text. */
const FIELD_MESSAGES: Record<string, MessageKey> = {
  required: 'field.required',
  minLength: 'field.tooShort',
  maxLength: 'field.tooLong',
  minItems: 'field.required',
  format: 'field.invalid',
  pattern: 'field.invalid',
  enum: 'field.invalid',
  additionalProperties: 'field.notAllowed',
  not_allowed: 'field.notAllowed',
};

function fieldMessage(field: string, code: string, serverMessage: string): string {
  if (field === 'governorates' && (code === 'minItems' || code === 'required')) return t('field.governoratesRequired');
  if (field.startsWith('phones.')) return t('field.invalidPhone');
  if (field.startsWith('emails.') || (field === 'email' && code === 'format')) return t('field.invalidEmail');
  const key = FIELD_MESSAGES[code];
  return key ? t(key) : serverMessage;
}

/** The server's field errors, one translated message per field path. */
export function localizedFieldErrors(error: ApiError): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const [field, message] of Object.entries(error.fieldErrors)) {
    messages[field] = fieldMessage(field, error.fieldErrorCodes[field] ?? '', message);
  }
  return messages;
}
