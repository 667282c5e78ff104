/** A list is sent as the key repeated (`tags=a&tags=b`). */
export type QueryValue = string | number | boolean | null | undefined | readonly string[];

/**
 * A page link: `path` with a query string of the values that are set, in the order given: empty strings, null, undefined and false
 * are left out, true is sent as `1`. Without any value the path stays bare, so links to the default view look clean.
 * (API calls build their query in api.ts, where booleans are sent as `true`/`false` for the server's schemas.)
 */
export function hrefWithQuery(path: string, values: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (Array.isArray(value)) for (const item of value as readonly string[]) params.append(key, item);
    else if (value === true) params.set(key, '1');
    else if (value !== undefined && value !== null && value !== '' && value !== false) params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}
