import { api, type Fetch } from '$lib/api';
import type { CheckDuplicatesInput, MergeResultDto } from '$api';
import type { DuplicateCheckResult, DuplicatePage, MergeInput } from './types';
import type { DuplicateListQuery } from './list-query';

export function listDuplicates(query: DuplicateListQuery, fetch?: Fetch): Promise<DuplicatePage> {
  return api('GET /duplicates', { query: { ...query }, fetch });
}

export function dismissPair(a: string, b: string): Promise<void> {
  return api('POST /duplicates/dismiss', { body: { contactIds: [a, b] } });
}

export type DuplicateCheck = CheckDuplicatesInput;

/** Likely duplicates, and how many the server withheld because they are restricted contacts' phones or emails. */
export function checkDuplicates(input: DuplicateCheck, signal?: AbortSignal): Promise<DuplicateCheckResult> {
  return api('POST /contacts/check-duplicates', { body: input, signal });
}

export function mergeContacts(input: MergeInput): Promise<MergeResultDto> {
  return api('POST /contacts/merge', { body: input });
}
