import type { BulkActionInput, BulkResultDto } from '$api';
import { api, apiUrl } from '$lib/api';
import { downloadFile } from '$lib/imports/download';
import type { ContactSelection } from './selection';

/** What the bulk toolbar acts on: the contacts table's selection (ticked ids, or every contact its filter matches). */
export type BulkSelection = ContactSelection;

export type BulkBody = BulkActionInput;

export function runBulk(body: BulkBody): Promise<BulkResultDto> {
  return api('POST /contacts/bulk', { body });
}

/** The export answers a file: fetched and handed to the browser, so a refusal is shown rather than opened. */
export function downloadBulkExport(body: BulkBody): Promise<void> {
  return downloadFile(apiUrl('POST /contacts/bulk', {}), `contacts.${body.format ?? 'csv'}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}
