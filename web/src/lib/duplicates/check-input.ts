import { normalizePhone } from '$domain/phone';
import type { ContactFormValues } from '$lib/contacts/contact-form-model';
import type { DuplicateCheck } from './duplicates-api';

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What the duplicate check needs from the form; values that would not pass validation are left out. */
export function duplicateCheckInput(values: ContactFormValues, excludeId: string | undefined): DuplicateCheck | null {
  const name = values.name.trim();
  if (name === '') return null;
  const phones = values.phones.flatMap((row) => {
    const phone = normalizePhone(row.value);
    return phone.ok ? [phone.e164] : [];
  });
  const emails = values.emails.map((row) => row.value.trim()).filter((email) => EMAIL_PATTERN.test(email));
  return {
    name,
    nameLatin: values.nameLatin.trim() || null,
    phones,
    emails,
    governorates: [...values.governorates],
    kind: values.kind,
    ...(excludeId ? { excludeId } : {}),
  };
}
