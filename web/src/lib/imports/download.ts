import { ApiError, apiErrorFrom } from '$lib/api';

function fileNameFrom(response: Response, fallback: string): string {
  const disposition = response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (encoded) return decodeURIComponent(encoded[1]);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1] : fallback;
}

/**
 * Fetches a file from the API and hands it to the browser as a download. A plain link would replace the page
 * with a problem+json body when the server refuses; this way the caller shows the error instead.
 */
export async function downloadFile(url: string, fallbackName: string, init: RequestInit = {}): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin', ...init });
  } catch {
    throw new ApiError({ status: 0, code: 'NETWORK', title: 'Network error', detail: '', errors: [] });
  }
  if (!response.ok) {
    let body: unknown = {};
    try {
      body = await response.json();
    } catch {
      // not JSON: described by its status
    }
    throw apiErrorFrom(response.status, response.statusText, body);
  }
  const blob = await response.blob();
  const objectUrl = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = objectUrl;
  link.download = fileNameFrom(response, fallbackName);
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers read the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(objectUrl), 30_000);
}
