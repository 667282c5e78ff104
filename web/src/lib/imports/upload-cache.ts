import type { ImportUpload } from './types';

/**
 * The upload answer carries the sheet's first rows, which GET /imports/:id does not repeat: kept here for the
 * mapping step after the page moves to /import?id=…. A reload loses them; the mapping then shows headers only.
 */
const uploads = new Map<string, ImportUpload>();

export function rememberUpload(upload: ImportUpload): void {
  uploads.set(upload.id, upload);
}

export function recalledUpload(id: string): ImportUpload | undefined {
  return uploads.get(id);
}
