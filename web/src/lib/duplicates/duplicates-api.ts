import { apiRequest, type Fetch } from '$lib/api';
import type { Contact } from '$lib/contacts/contact';
import type { DuplicateCheckResult, DuplicatePage, MergeCounts, MergeInput } from './types';
import type { DuplicateListQuery } from './list-query';

export function listDuplicates(query: DuplicateListQuery, fetch?: Fetch): Promise<DuplicatePage> {
	return apiRequest('GET', '/duplicates', { query: { ...query }, fetch });
}

export function dismissPair(a: string, b: string): Promise<void> {
	return apiRequest('POST', '/duplicates/dismiss', { body: { contactIds: [a, b] } });
}

export interface DuplicateCheck {
	name: string;
	nameLatin?: string | null;
	phones?: string[];
	emails?: string[];
	governorates?: string[];
	kind?: Contact['kind'];
	excludeId?: string;
}

/** Likely duplicates, and how many the server withheld because they are restricted contacts' phones or emails. */
export function checkDuplicates(input: DuplicateCheck, signal?: AbortSignal): Promise<DuplicateCheckResult> {
	return apiRequest<DuplicateCheckResult>('POST', '/contacts/check-duplicates', { body: input, signal });
}

export function mergeContacts(input: MergeInput): Promise<{ contact: Contact; merged: string[]; moved: MergeCounts }> {
	return apiRequest('POST', '/contacts/merge', { body: input });
}
