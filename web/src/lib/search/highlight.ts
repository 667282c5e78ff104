import { highlightRanges, type Range } from '$domain/search/highlight';
import { queryVariants } from '$domain/search/query-variants';

export type { Range };

/** A run of a displayed text, marked when the query matched it. */
export interface Segment {
  text: string;
  marked: boolean;
}

/**
 * Cuts a text into plain and marked runs from [start, end) UTF-16 ranges (the server's or highlightRanges'), so
 * the template can wrap the marked ones in <mark> without ever treating the text as HTML. Ranges may come in any
 * order, overlap or run past the text: they are clamped, sorted and merged.
 */
export function segmentsOf(text: string, ranges: readonly Range[]): Segment[] {
  const sorted = ranges
    .map(({ start, end }) => ({ start: Math.max(0, Math.min(start, text.length)), end: Math.max(0, Math.min(end, text.length)) }))
    .filter(({ start, end }) => end > start)
    .sort((a, b) => a.start - b.start);
  const segments: Segment[] = [];
  let cursor = 0;
  for (const { start, end } of sorted) {
    if (end <= cursor) continue;
    const from = Math.max(start, cursor);
    if (from > cursor) segments.push({ text: text.slice(cursor, from), marked: false });
    const last = segments.at(-1);
    // Adjacent or overlapping ranges become one mark.
    if (last?.marked && from === cursor) last.text += text.slice(from, end);
    else segments.push({ text: text.slice(from, end), marked: true });
    cursor = end;
  }
  if (cursor < text.length) segments.push({ text: text.slice(cursor), marked: false });
  return segments;
}

/**
 * The words of a displayed name that the query matched, computed in the browser with the module the server uses.
 * A query typed on the wrong keyboard layout ([lhg) also highlights what its Arabic re-typing (جمال) matched.
 */
export function matchRanges(query: string, text: string | null | undefined): Range[] {
  if (!text || query.trim() === '') return [];
  return queryVariants(query).flatMap((variant) => highlightRanges(variant, text));
}
