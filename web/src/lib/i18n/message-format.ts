/*
 * Messages with counts agree with their number: "1 follow-up", "2 follow-ups"; in Arabic "متابعة واحدة", "متابعتان",
 * "3 متابعات", "11 متابعةً", "100 متابعة" (issue 14, item 14). A message holds ICU-style plural blocks:
 *
 *   '{n, plural, one {# follow-up} other {# follow-ups}}'
 *
 * The category comes from Intl.PluralRules for the language (Arabic has zero, one, two, few, many and other; Sorani
 * Kurdish one and other);
 * `=0`, `=1` … match an exact number first; `#` is the number as formatted by `formatCount`; `other` is the fallback.
 * Plain `{name}` placeholders are filled as before. No dependencies: the web app and the unit tests share it.
 *
 * A text value written in the other direction (a Latin name in an Arabic message, an Arabic title in an English one)
 * is isolated with FSI … PDI, so the bidi algorithm lays it out as one unit: «Zainab» keeps its quotation marks, and a
 * number after it stays with the message rather than joining the name (issue 14, item 13). Values in the message's own
 * direction are left as they are: they need no isolation, and what users and tests read stays plain.
 */

type Params = Record<string, string | number>;

const RIGHT_TO_LEFT_LANGUAGES = new Set(['ar', 'ckb', 'ku', 'fa', 'he']);
const STRONG_LATIN = /[A-Za-z\u00C0-\u024F]/u;
const STRONG_RIGHT_TO_LEFT = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFC]/u;
const FIRST_STRONG_ISOLATE = '\u2068';
const POP_DIRECTIONAL_ISOLATE = '\u2069';

function valueText(value: string | number, language: string): string {
  if (typeof value === 'number') return String(value);
  const foreign = RIGHT_TO_LEFT_LANGUAGES.has(language) ? STRONG_LATIN : STRONG_RIGHT_TO_LEFT;
  const isolatedAlready = /^[\u2066-\u2068]/u.test(value) && value.endsWith(POP_DIRECTIONAL_ISOLATE);
  return foreign.test(value) && !isolatedAlready ? FIRST_STRONG_ISOLATE + value + POP_DIRECTIONAL_ISOLATE : value;
}

interface PluralRules {
  select(n: number): string;
}
/*
 * Sorani Kurdish: `one` for exactly 1, `other` for every other number (CLDR's rule for ckb). Written out rather than
 * asked of ICU: our key `ku` means Kurmanji to ICU, and a trimmed ICU (a browser's) may have no `ckb` at all.
 */
const SORANI: PluralRules = { select: (n) => (n === 1 ? 'one' : 'other') };

const rulesCache = new Map<string, PluralRules>();
function pluralRules(language: string): PluralRules {
  if (language === 'ku' || language === 'ckb') return SORANI;
  let rules = rulesCache.get(language);
  if (!rules) {
    rules = new Intl.PluralRules(language);
    rulesCache.set(language, rules);
  }
  return rules;
}

/** The text between `start` (just after an opening brace) and its matching closing brace, and where it ends. */
function balanced(text: string, start: number): { inner: string; end: number } | null {
  let depth = 1;
  for (let i = start; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return { inner: text.slice(start, i), end: i + 1 };
  }
  return null;
}

/** `one {…} other {…}` → { one: '…', other: '…' } */
function parseCases(body: string): Map<string, string> {
  const cases = new Map<string, string>();
  let i = 0;
  while (i < body.length) {
    const key = /^\s*(=\d+|zero|one|two|few|many|other)\s*\{/.exec(body.slice(i));
    if (!key) break;
    const block = balanced(body, i + key[0].length);
    if (!block) break;
    cases.set(key[1], block.inner);
    i = block.end;
  }
  return cases;
}

function pluralBlock(name: string, body: string, params: Params, language: string, formatCount: (n: number) => string): string {
  const value = Number(params[name]);
  const cases = parseCases(body);
  const chosen = cases.get(`=${value}`) ?? cases.get(pluralRules(language).select(value)) ?? cases.get('other') ?? '';
  return formatMessage(chosen.replace(/#/g, formatCount(value)), params, language, formatCount);
}

/** Fills placeholders and plural blocks of a message for a language. */
export function formatMessage(
  message: string,
  params: Params | undefined,
  language: string,
  formatCount: (n: number) => string = String,
): string {
  if (!params) return message;
  let out = '';
  let i = 0;
  while (i < message.length) {
    const open = message.indexOf('{', i);
    if (open === -1) break;
    out += message.slice(i, open);
    const block = balanced(message, open + 1);
    if (!block) {
      out += message.slice(open);
      i = message.length;
      break;
    }
    const plural = /^\s*(\w+)\s*,\s*plural\s*,([\s\S]*)$/.exec(block.inner);
    if (plural && plural[1] in params) out += pluralBlock(plural[1], plural[2], params, language, formatCount);
    else if (/^\w+$/.test(block.inner) && block.inner in params) out += valueText(params[block.inner], language);
    else out += message.slice(open, block.end);
    i = block.end;
  }
  return out + message.slice(i);
}
