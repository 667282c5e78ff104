import type { ConsentListDto, CreateConsentInput } from '$api';
import { ApiError, api, apiUrl, type Fetch } from '$lib/api';

export function listConsents(contactId: string, fetch?: Fetch): Promise<ConsentListDto> {
  return api('GET /contacts/:id/consents', { params: { id: contactId }, fetch });
}

/** The scan's address; the browser opens it with the session cookie (roles that may see the contact's details). */
export const consentFileUrl = (recordId: string) => apiUrl('GET /consents/:id/file', { params: { id: recordId } });

export const personExportUrl = (contactId: string) => apiUrl('GET /contacts/:id/export', { params: { id: contactId } });

export const FULL_EXPORT_URL = apiUrl('GET /export/full.zip', {});

/**
 * Appends a record. With a scan it goes as a multipart form (the same fields, scopes repeated, and the file);
 * without one as JSON.
 */
export async function addConsent(contactId: string, input: CreateConsentInput, file: File | null): Promise<ConsentListDto> {
  if (!file) return api('POST /contacts/:id/consents', { params: { id: contactId }, body: input });
  const form = new FormData();
  form.append('kind', input.kind);
  form.append('basis', input.basis);
  form.append('recordedOn', input.recordedOn);
  for (const scope of input.scopes) form.append('scopes', scope);
  if (input.note) form.append('note', input.note);
  form.append('file', file, file.name);
  let response: Response;
  try {
    response = await fetch(apiUrl('POST /contacts/:id/consents', { params: { id: contactId } }), {
      method: 'POST',
      body: form,
      credentials: 'same-origin',
      headers: { accept: 'application/json' },
    });
  } catch {
    throw new ApiError({ status: 0, code: 'NETWORK', title: 'Network error', detail: '', errors: [] });
  }
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (response.ok) return body as unknown as ConsentListDto;
  throw new ApiError({
    status: response.status,
    code: typeof body.code === 'string' ? body.code : `HTTP_${response.status}`,
    title: typeof body.title === 'string' ? body.title : response.statusText,
    detail: typeof body.detail === 'string' ? body.detail : '',
    errors: Array.isArray(body.errors) ? (body.errors as ConstructorParameters<typeof ApiError>[0]['errors']) : [],
  });
}
