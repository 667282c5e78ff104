import { apiRequest, type Fetch } from '$lib/api';
import type { Contact, ContactPage, ContactPatch, NewContact } from './contact';
import type { ContactListQuery } from './list-query';

export function listContacts(query: ContactListQuery, fetch?: Fetch): Promise<ContactPage> {
	return apiRequest('GET', '/contacts', { query: { ...query }, fetch });
}

export function getContact(id: string, fetch?: Fetch): Promise<Contact> {
	return apiRequest('GET', `/contacts/${encodeURIComponent(id)}`, { fetch });
}

export function createContact(input: NewContact): Promise<Contact> {
	return apiRequest('POST', '/contacts', { body: input });
}

export function updateContact(id: string, patch: ContactPatch): Promise<Contact> {
	return apiRequest('PATCH', `/contacts/${encodeURIComponent(id)}`, { body: patch });
}

export function deleteContact(id: string, version: number): Promise<void> {
	return apiRequest('DELETE', `/contacts/${encodeURIComponent(id)}`, { query: { version } });
}
