/**
 * Type-level checks of `api()` and `apiUrl()`: never imported or run. `npm run check:web` (svelte-check) fails when a
 * `@ts-expect-error` line below compiles, i.e. when a wrong route, params, body, query or use of an answer would
 * slip through, and when one of the right calls stops compiling.
 */
import { api, apiUrl } from './api';

const use = (...values: unknown[]) => values;

export async function rightCallsCompile(id: string): Promise<unknown[]> {
  const contact = await api('GET /contacts/:id', { params: { id } });
  const name: string = contact.name;
  const updated = await api('PATCH /contacts/:id', { params: { id }, body: { version: contact.version, name: 'Amal' } });
  const removed: void = await api('DELETE /contacts/:id', { params: { id }, query: { version: updated.version } });
  const page = await api('GET /contacts', { query: { kind: 'activist', limit: 10, q: '' } });
  const me = await api('GET /auth/me');
  return use(name, removed, page.items, me, apiUrl('GET /consents/:id/file', { params: { id } }));
}

export async function wrongCallsDoNotCompile(id: string): Promise<unknown[]> {
  // @ts-expect-error no such route
  await api('GET /contact/:id', { params: { id } });
  // @ts-expect-error the path exists, not with this method
  await api('PUT /contacts/:id', { params: { id }, body: { version: 1 } });
  // @ts-expect-error the path's params are required
  await api('GET /contacts/:id');
  // @ts-expect-error a param the path does not have
  await api('GET /contacts/:id', { params: { contactId: id } });
  // @ts-expect-error a body field the schema does not have
  await api('PATCH /contacts/:id', { params: { id }, body: { version: 1, nickname: 'Amal' } });
  // @ts-expect-error a body field of the wrong type
  await api('POST /tasks', { body: { title: 42 } });
  // @ts-expect-error a route without a body given one
  await api('GET /auth/me', { body: { id } });
  // @ts-expect-error a query value outside the schema's enum
  await api('GET /contacts', { query: { kind: 'company' } });
  // @ts-expect-error a file download is linked to, not read as JSON
  await api('GET /export/full.zip');
  // @ts-expect-error a download address with the wrong params
  apiUrl('GET /consents/:id/file', { params: { recordId: id } });

  const contact = await api('GET /contacts/:id', { params: { id } });
  const removed = await api('DELETE /contacts/:id', { params: { id }, query: { version: contact.version } });
  // @ts-expect-error a field of the answer used as the wrong type
  const wrongType: number = contact.name;
  return use(
    wrongType,
    // @ts-expect-error the answer has no such field
    contact.fullName,
    // @ts-expect-error a 204 answers nothing
    removed.id,
  );
}
