import { api, type Fetch } from '$lib/api';
import { COLUMN_EXTRA, type ContactTableColumn } from '$domain/contact-list';
import type { Contact, ContactPage, ContactPatch, NewContact } from './contact';
import { toFilter, type ContactListQuery } from './list-query';

/** One page of the table: the URL's filters and sort, plus the computed fields the shown columns need. */
export function listContacts(query: ContactListQuery, columns: readonly ContactTableColumn[], fetch?: Fetch): Promise<ContactPage> {
  const extras = [...new Set(columns.map((c) => COLUMN_EXTRA[c]).filter((c) => c !== undefined))];
  return api('GET /contacts', {
    query: {
      ...toFilter(query),
      segment: query.segment,
      sort: query.sort,
      columns: extras.join(','),
      limit: query.limit,
      offset: query.offset,
    },
    fetch,
  });
}

export function getContact(id: string, fetch?: Fetch): Promise<Contact> {
  return api('GET /contacts/:id', { params: { id }, fetch });
}

export function createContact(input: NewContact): Promise<Contact> {
  return api('POST /contacts', { body: input });
}

export function updateContact(id: string, patch: ContactPatch): Promise<Contact> {
  return api('PATCH /contacts/:id', { params: { id }, body: patch });
}

export function deleteContact(id: string, version: number): Promise<void> {
  return api('DELETE /contacts/:id', { params: { id }, query: { version } });
}
