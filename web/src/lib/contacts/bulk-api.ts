import type { BulkActionInput, BulkResultDto } from '$api';
import { apiRequest } from '$lib/api';
import { downloadFile } from '$lib/imports/download';

/** What the bulk toolbar acts on: contacts picked one by one, or every contact the list's URL filter matches. */
export type BulkSelection = { ids: string[] } | { filter: Record<string, string> };

export type BulkBody = Omit<BulkActionInput, 'selection'> & { selection: BulkSelection };

/** The filter values come from the URL as text; the server validates them against the list's own schema. */
const asInput = (body: BulkBody) => body as BulkActionInput;

export function runBulk(body: BulkBody): Promise<BulkResultDto> {
	return apiRequest('POST', '/contacts/bulk', { body: asInput(body) });
}

/** The export answers a file: fetched and handed to the browser, so a refusal is shown rather than opened. */
export function downloadBulkExport(body: BulkBody): Promise<void> {
	return downloadFile('/api/contacts/bulk', `contacts.${body.format ?? 'csv'}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(asInput(body))
	});
}
