import { describe, expect, it } from 'vitest';
import { ar, en, ku } from '../../../web/src/lib/i18n/dictionaries.js';

/*
 * Issue 16, item 1: every message of every feature exists in Arabic, English and Sorani Kurdish. The dictionaries are
 * the assembled ones the app uses (core + every feature's file), so a feature whose `<feature>Ku` is not written or
 * not wired shows up here by its keys.
 */
const DICTIONARIES = { ar, en, ku } as const;
type Name = keyof typeof DICTIONARIES;

/** Keys a dictionary lacks, grouped by feature prefix ("events.", "imports.") so a failure says where to look. */
function missingIn(name: Name): Record<string, string[]> {
  const everyKey = new Set(Object.values(DICTIONARIES).flatMap((d) => Object.keys(d)));
  const own = DICTIONARIES[name] as Record<string, string | undefined>;
  const missing: Record<string, string[]> = {};
  for (const key of everyKey) {
    if (typeof own[key] === 'string') continue;
    (missing[key.split('.')[0]] ??= []).push(key);
  }
  return missing;
}

const SIMPLE_PLACEHOLDER = /\{\w+\}/g;
const ARABIC_SCRIPT_LETTER = /[\u0620-\u064A\u066E-\u06D3\u06D5\u06EE-\u06FF]/u;
/** Letters of Arabic spelling that Sorani does not write (it has ک ی ە instead): a value with them is still Arabic. */
const ARABIC_ONLY_LETTERS = /[كيةى]/u;

/** The top-level `{…}` blocks of a message (brace-balanced), as message-format.ts reads them. */
function blocks(message: string): string[] {
  const found: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < message.length; i++) {
    if (message[i] === '{' && depth++ === 0) start = i + 1;
    else if (message[i] === '}' && depth > 0 && --depth === 0) found.push(message.slice(start, i));
  }
  return found;
}

/** `{name}` and the variables of `{n, plural, …}` blocks, with those inside the cases: what the code fills in. */
function placeholders(message: string): string[] {
  const names = new Set<string>();
  for (const block of blocks(message)) {
    const plural = /^\s*(\w+)\s*,\s*plural\s*,([\s\S]*)$/.exec(block);
    if (plural) {
      names.add(plural[1]);
      // The cases' own braces hold text, not names: only the placeholders inside them count.
      for (const body of blocks(plural[2])) for (const name of placeholders(body)) names.add(name);
    } else if (/^\w+$/.test(block)) names.add(block);
  }
  return [...names].sort();
}

/**
 * The allow-list for a Kurdish value equal to the Arabic one: values with no Arabic-script letter once placeholders
 * are taken out (placeholder-only messages like "{name}: {status}", codes like "CSV", Latin names like "English",
 * punctuation like "—"), and the few words Sorani writes exactly as Arabic does. Anything else in Arabic script must
 * be translated.
 */
const SAME_WORD_IN_SORANI: ReadonlySet<string> = new Set([
  // "و", "and": the same letter and word in Sorani.
  'imports.duplicates.and',
]);
const mayEqualArabic = (key: string, arabic: string) =>
  SAME_WORD_IN_SORANI.has(key) || !ARABIC_SCRIPT_LETTER.test(arabic.replace(SIMPLE_PLACEHOLDER, ''));

describe('message dictionaries', () => {
  it.each(['ar', 'en', 'ku'] as const)('%s has every key the others have', (name) => {
    expect(missingIn(name)).toEqual({});
  });

  it('has a Kurdish value for every key, never empty', () => {
    const empty = Object.entries(ku as Record<string, unknown>).filter(([, v]) => typeof v !== 'string' || v.trim() === '');
    expect(empty.map(([key]) => key)).toEqual([]);
  });

  it('translates into Kurdish rather than copying the Arabic', () => {
    const kurdish = ku as Record<string, string | undefined>;
    const copied = Object.entries(ar).filter(([key, arabic]) => kurdish[key] === arabic && !mayEqualArabic(key, arabic));
    expect(copied.map(([key]) => key)).toEqual([]);
  });

  it('writes Kurdish in Sorani spelling (ک ی ە, not Arabic ك ي ة ى)', () => {
    const arabicSpelt = Object.entries(ku as Record<string, string | undefined>).filter(([, v]) =>
      ARABIC_ONLY_LETTERS.test((v ?? '').replace(SIMPLE_PLACEHOLDER, '')),
    );
    expect(arabicSpelt.map(([key, value]) => `${key}: ${value}`)).toEqual([]);
  });

  it('keeps the placeholders of every message in every language', () => {
    const differing = Object.entries(ar).flatMap(([key, arabic]) =>
      (['en', 'ku'] as const)
        .filter((name) => {
          const other = (DICTIONARIES[name] as Record<string, string | undefined>)[key];
          return other !== undefined && placeholders(other).join() !== placeholders(arabic).join();
        })
        .map((name) => `${name} ${key}`),
    );
    expect(differing).toEqual([]);
  });
});
