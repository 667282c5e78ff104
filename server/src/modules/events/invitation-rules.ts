import { isPersonKind } from '../../domain/contact-kinds.js';
import { AppError, type FieldError } from '../../errors.js';
import type { ContactRefRow } from '../contact-refs/contact-refs.repository.js';

/* What an invitation list refuses, and how each refusal reads: shared by the list's adds, the walk-ins and bulk adds. */

/** Representatives come for an organisation or team and must be one person (docs/api-events.md). */
export function representativeErrors(field: string, contact: ContactRefRow, representative: ContactRefRow | undefined): FieldError[] {
  if (!representative) return [];
  if (isPersonKind(contact.kind)) {
    return [{ field, code: 'not_allowed', message: 'only an organisation or a team is represented by someone' }];
  }
  if (!isPersonKind(representative.kind)) {
    return [{ field, code: 'not_a_person', message: 'must be an activist or a government focal point' }];
  }
  return [];
}

export const invitationExists = (clashes: { contactId: string; name: string }[]) =>
  new AppError(
    409,
    'INVITATION_EXISTS',
    `Already on the list: ${clashes.map((c) => c.name).join(', ')}`,
    clashes.map((c) => ({ field: c.contactId, code: 'already_on_list', message: `${c.name} is already on the list` })),
  );

export const noRepresentative = (offices: { contactId: string; name: string }[]) =>
  new AppError(
    409,
    'NO_REPRESENTATIVE',
    `Nobody to send: ${offices.map((o) => o.name).join(', ')} has no current focal point; choose who represents it`,
    offices.map((o) => ({ field: o.contactId, code: 'no_representative', message: `${o.name} has no current focal point` })),
  );

/** One person, one governorate: a chosen governorate must be one of the invited contact's. */
export function quotaGovernorateErrors(
  field: string,
  contact: { governorates: string[] },
  chosen: string | null | undefined,
): FieldError[] {
  if (chosen == null || contact.governorates.includes(chosen)) return [];
  return [{ field, code: 'not_a_contact_governorate', message: "must be one of the contact's governorates" }];
}

export const quotaMaximum = (over: { dimension: string; value: string; count: number; maxCount: number | null }[]) =>
  new AppError(
    409,
    'QUOTA_MAXIMUM',
    `This addition goes past the maximum of ${over.map((q) => `${q.dimension} ${q.value} (${q.count} of at most ${q.maxCount})`).join(', ')}`,
    over.map((q) => ({ field: `${q.dimension}:${q.value}`, code: 'over_maximum', message: `${q.count}/${q.maxCount}` })),
  );
