import type { CustomValue } from '$domain/custom-fields';
import type { ContactDto, ContactListDto, ContactListItemDto, CreateContactInput, UpdateContactInput } from '$api';

/** The server's contact: phones, emails and notes are absent when the caller may not see a restricted contact's details. */
export type Contact = ContactDto;
export type ContactPage = ContactListDto;
/** A row of the contacts table: a contact plus the computed fields its columns asked for. */
export type ContactRow = ContactListItemDto;
export type NameParts = NonNullable<ContactDto['nameParts']>;
export const NAME_PART_KEYS = ['first', 'father', 'grandfather', 'family'] as const;

/** What the contact form produces on submit: every editable field, so it can be diffed against the stored contact. */
export type ContactInput = Omit<
  Contact,
  'id' | 'createdAt' | 'updatedAt' | 'version' | 'detailsHidden' | 'focalPointWithoutPosition' | 'customValues'
> & { customValues?: Record<string, CustomValue | null> };
export type ContactPatch = UpdateContactInput;
export type NewContact = CreateContactInput;
