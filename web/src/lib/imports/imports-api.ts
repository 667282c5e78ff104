import { apiErrorFrom, api, apiUrl, type ApiError, type Fetch } from '$lib/api';
import type { ImportRowsFilter, QueryOf } from '$api';
import type { CommitInput, Import, ImportDefaults, MappingField, ImportList, ImportOutcome, ImportRowPage, ImportUpload } from './types';

/** The server refuses bigger files (413); checking first spares a long upload that is bound to fail. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const MAX_ROWS = 20_000;

function problemFrom(xhr: XMLHttpRequest): ApiError {
  let body: unknown = {};
  try {
    body = JSON.parse(xhr.responseText);
  } catch {
    // not JSON: described by its status
  }
  return apiErrorFrom(xhr.status, xhr.statusText, body);
}

/** fetch cannot report upload progress; XMLHttpRequest can, so big sheets show a moving bar. */
export function uploadImport(file: File, onprogress: (fraction: number) => void): Promise<ImportUpload> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', apiUrl('POST /imports', {}));
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onprogress(event.loaded / event.total);
    };
    xhr.onload = () => {
      if (xhr.status === 201 || xhr.status === 200) resolve(JSON.parse(xhr.responseText) as ImportUpload);
      else reject(problemFrom(xhr));
    };
    xhr.onerror = () => reject(problemFrom(xhr));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

export function listImports(fetch?: Fetch): Promise<ImportList> {
  return api('GET /imports', { query: { limit: 10 }, fetch });
}

export function getImport(id: string, fetch?: Fetch): Promise<Import> {
  return api('GET /imports/:id', { params: { id }, fetch });
}

export function previewImport(id: string, mapping: MappingField[], defaults: ImportDefaults): Promise<Import> {
  return api('POST /imports/:id/preview', { params: { id }, body: { mapping, defaults } });
}

export function listImportRows(
  id: string,
  query: Omit<ImportRowsFilter, 'outcome'> & { outcome?: ImportOutcome | '' },
  signal?: AbortSignal,
): Promise<ImportRowPage> {
  return api('GET /imports/:id/rows', { params: { id }, query, signal });
}

/** An empty input resumes a stopped import with the decisions given the first time. */
export function commitImport(id: string, input: CommitInput | Record<string, never>): Promise<Import> {
  return api('POST /imports/:id/commit', { params: { id }, body: input });
}

/** Undoes a committed import; one not committed yet is discarded (204, nothing returned). */
export function undoImport(id: string): Promise<Import | undefined> {
  return api('DELETE /imports/:id', { params: { id } });
}

type ImportReport = QueryOf<'GET /imports/:id/report'>;

export function reportUrl(id: string, format: ImportReport['format'], lang: ImportReport['lang']): string {
  return apiUrl('GET /imports/:id/report', { params: { id }, query: { format, lang } });
}
