/**
 * Direction controls in text that users type, paste or import. Pure (no Node or DB imports): the server applies it to
 * every free text it stores, and the web app can bundle it.
 *
 * Bidirectional formatting characters are invisible, yet they reorder what follows them on screen and on paper: a
 * right-to-left override (U+202E) makes "ali" print as "ila", an unclosed embedding or isolate leaks into the rest
 * of a line in a list or a sign-in sheet. Stored names could thus be made to look like someone else's. None of them
 * has a place in a name, a title, a tag or a note: the web app gives the names it shows a direction of their own
 * (`dir="auto"`), so nobody needs to type them. They are stripped, not refused: they arrive pasted, unseen by the user.
 *
 * Removed everywhere:
 * - embeddings and overrides: LRE U+202A, RLE U+202B, PDF U+202C, LRO U+202D, RLO U+202E;
 * - isolates: LRI U+2066, RLI U+2067, FSI U+2068, PDI U+2069.
 * Removed too unless `keepMarks`: the marks ALM U+061C, LRM U+200E, RLM U+200F. They reorder nothing beyond the
 * neutral characters next to them (so they cannot spoof a whole name), but they are invisible noise pasted from chat
 * apps that makes two identical-looking names differ; one-line values (names, titles, tags, labels) drop them, while
 * multi-line text (notes, descriptions, summaries) keeps them, where a writer may have put one to seat the
 * punctuation of a mixed Arabic and English sentence.
 * Always kept: ZWNJ U+200C and ZWJ U+200D, which Persian and Kurdish spelling needs (می‌خواهم), and every visible
 * character. The search key (search/search-key.ts) deletes all of the above and more, so search is unaffected.
 */

const BIDI_FORMATTING = /[\u202A-\u202E\u2066-\u2069]/g;
const BIDI_FORMATTING_AND_MARKS = /[\u202A-\u202E\u2066-\u2069\u061C\u200E\u200F]/g;

export function stripBidiControls(text: string, options: { keepMarks?: boolean } = {}): string {
  return text.replace(options.keepMarks ? BIDI_FORMATTING : BIDI_FORMATTING_AND_MARKS, '');
}

/**
 * A JSON-schema `pattern` for a required text: at least one character that is neither white space nor one of the
 * characters `stripBidiControls` removes, so that a value made only of them is refused (400) rather than stored empty.
 */
export const VISIBLE_TEXT_PATTERN = '[^\\s\\u202A-\\u202E\\u2066-\\u2069\\u061C\\u200E\\u200F]';
