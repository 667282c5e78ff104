/**
 * The stats API names the list behind each figure as a URL template ("/contacts?kind={kind}&governorate={governorate}").
 * Fills the placeholders and drops the query parameters left empty, so a total links to the unfiltered list.
 */
export function fillLink(template: string, values: Record<string, string | number | null | undefined>): string {
  const [path, query = ''] = template.split('?');
  const fill = (text: string) =>
    text.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = values[name];
      return value === undefined || value === null ? '' : String(value);
    });
  const params = new URLSearchParams();
  for (const pair of query.split('&')) {
    if (!pair) continue;
    const [key, value = ''] = pair.split('=');
    const filled = fill(value);
    if (filled !== '') params.set(key, filled);
  }
  const search = params.toString();
  return search ? `${fill(path)}?${search}` : fill(path);
}
