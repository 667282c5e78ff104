import { t } from '$lib/i18n/i18n.svelte';

/** Mirrors the server's rule, so the form can say so before a round trip. */
export const PASSWORD_MIN_LENGTH = 10;

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function passwordError(password: string): string | undefined {
  if (password === '') return t('field.required');
  if (password.length < PASSWORD_MIN_LENGTH) return t('field.passwordTooShort', { min: PASSWORD_MIN_LENGTH });
  return undefined;
}

export interface NewUserForm {
  email: string;
  name: string;
  password: string;
  limitGovernorates: boolean;
  governorates: string[];
}

export function validateNewUser(form: NewUserForm): Record<string, string> {
  const errors: Record<string, string> = {};
  if (form.email.trim() === '') errors.email = t('field.required');
  else if (!EMAIL_PATTERN.test(form.email.trim())) errors.email = t('field.invalidEmail');
  if (form.name.trim() === '') errors.name = t('field.required');
  const password = passwordError(form.password);
  if (password) errors.password = password;
  if (form.limitGovernorates && form.governorates.length === 0) errors.governorates = t('field.governoratesRequired');
  return errors;
}
