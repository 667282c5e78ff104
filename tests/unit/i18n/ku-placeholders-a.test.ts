import { describe, expect, it } from 'vitest';
import { ar } from '../../../web/src/lib/i18n/ar.js';
import * as checkInQr from '../../../web/src/lib/i18n/features/check-in-qr.js';
import * as display from '../../../web/src/lib/i18n/features/display.js';
import * as email from '../../../web/src/lib/i18n/features/email.js';
import * as eventDay from '../../../web/src/lib/i18n/features/event-day.js';
import * as eventQuotas from '../../../web/src/lib/i18n/features/event-quotas.js';
import * as events from '../../../web/src/lib/i18n/features/events.js';
import * as hxl from '../../../web/src/lib/i18n/features/hxl.js';
import * as management from '../../../web/src/lib/i18n/features/management.js';
import * as network from '../../../web/src/lib/i18n/features/network.js';
import * as replyLinks from '../../../web/src/lib/i18n/features/reply-links.js';
import * as searchResults from '../../../web/src/lib/i18n/features/search-results.js';
import * as smallScreens from '../../../web/src/lib/i18n/features/small-screens.js';
import * as whatsapp from '../../../web/src/lib/i18n/features/whatsapp.js';
import { ku } from '../../../web/src/lib/i18n/ku.js';
import { formatMessage } from '../../../web/src/lib/i18n/message-format.js';

/*
 * Issue 16, item 1: the Sorani dictionaries are translations of the Arabic ones, so a message must keep what the code
 * fills in or the browser renders: every placeholder, every plural block (parsed the way message-format.ts parses it),
 * every markup tag and the Latin technical words (CSV, Enter, QR…). Kurdish is written with Kurdish letters, never
 * with the Arabic ي ك ة ى ه that look alike but break search and sorting.
 */
type Dictionary = Record<string, string>;

function pair(name: string, module: Record<string, unknown>): [string, Dictionary, Dictionary] {
  const entries = Object.entries(module);
  const arabic = entries.find(([key]) => key.endsWith('Ar'))?.[1] as Dictionary | undefined;
  const kurdish = entries.find(([key]) => key.endsWith('Ku'))?.[1] as Dictionary | undefined;
  if (!arabic || !kurdish) throw new Error(`${name}: no Ar and Ku dictionaries`);
  return [name, arabic, kurdish];
}

const dictionaries: [string, Dictionary, Dictionary][] = [
  ['ar.ts', ar, ku],
  pair('events', events),
  pair('event-day', eventDay),
  pair('event-quotas', eventQuotas),
  pair('check-in-qr', checkInQr),
  pair('whatsapp', whatsapp),
  pair('reply-links', replyLinks),
  pair('email', email),
  pair('network', network),
  pair('management', management),
  pair('hxl', hxl),
  pair('display', display),
  pair('small-screens', smallScreens),
  pair('search-results', searchResults),
];

const messages = dictionaries.flatMap(([file, arabic, kurdish]) =>
  Object.keys(arabic).map((key) => ({ where: `${file} ${key}`, arabic: arabic[key], kurdish: kurdish[key] })),
);

const sorted = (values: Iterable<string>) => [...values].sort();
const placeholders = (text: string) => new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]));
const pluralVariables = (text: string) => sorted([...text.matchAll(/\{\s*(\w+)\s*,\s*plural\s*,/g)].map((m) => m[1]));
const tags = (text: string) => sorted(text.match(/<\/?\w+[^>]*>/g) ?? []);
const withoutSyntax = (text: string) => text.replace(/\{\s*\w+\s*,\s*plural\s*,|(=\d+|zero|one|two|few|many|other)\s*\{|\{\w+\}/g, ' ');
const latinWords = (text: string) => sorted(new Set(withoutSyntax(text).match(/[A-Za-z][A-Za-z0-9._+#-]*/g) ?? []));

/** The names of plural cases in each plural block, read with the same grammar message-format.ts uses. */
function pluralCases(text: string): string[][] {
  const blocks: string[][] = [];
  for (const start of text.matchAll(/\{\s*\w+\s*,\s*plural\s*,/g)) {
    let i = start.index + start[0].length;
    const cases: string[] = [];
    for (;;) {
      const key = /^\s*(=\d+|zero|one|two|few|many|other)\s*\{/.exec(text.slice(i));
      if (!key) break;
      let depth = 1;
      let j = i + key[0].length;
      for (; j < text.length && depth > 0; j++) depth += text[j] === '{' ? 1 : text[j] === '}' ? -1 : 0;
      if (depth > 0) break;
      cases.push(key[1]);
      i = j;
    }
    expect(/^\s*\}/.test(text.slice(i)), `plural block ends after its cases: ${text}`).toBe(true);
    blocks.push(cases);
  }
  return blocks;
}

describe('Kurdish (Sorani) dictionaries, first half', () => {
  it('translate every message (nothing left empty or in Arabic)', () => {
    const untranslated = messages.filter(
      ({ arabic, kurdish }) => !kurdish?.trim() || (kurdish === arabic && /[\u0600-\u06FF]/u.test(arabic)),
    );
    expect(untranslated.map((m) => m.where)).toEqual([]);
  });

  it('keep the placeholders of the Arabic, and add none', () => {
    const differing = messages.filter(
      ({ arabic, kurdish }) => sorted(placeholders(arabic)).join() !== sorted(placeholders(kurdish)).join(),
    );
    expect(
      differing.map((m) => `${m.where}: ${sorted(placeholders(m.arabic)).join()} ≠ ${sorted(placeholders(m.kurdish)).join()}`),
    ).toEqual([]);
  });

  it('keep each plural block, with an `other` case and only cases Sorani has', () => {
    for (const { where, arabic, kurdish } of messages) {
      expect(pluralVariables(kurdish), where).toEqual(pluralVariables(arabic));
      for (const cases of pluralCases(kurdish)) {
        expect(cases, where).toContain('other');
        expect(
          cases.filter((c) => !/^(=\d+|one|other)$/.test(c)),
          where,
        ).toEqual([]);
      }
    }
  });

  it('leave no brace unfilled when every value is given', () => {
    for (const { where, arabic, kurdish } of messages) {
      const names = [...placeholders(arabic), ...pluralVariables(arabic)];
      for (const n of [0, 1, 2, 7, 100]) {
        const params = Object.fromEntries(names.map((name) => [name, n]));
        const filled = formatMessage(kurdish, params, 'ckb');
        expect(/[{}]/.test(filled) && !/[{}]/.test(formatMessage(arabic, params, 'ar')), `${where}: ${filled}`).toBe(false);
      }
    }
  });

  it('keep markup and the Latin technical words', () => {
    const differing = messages.filter(
      ({ arabic, kurdish }) => tags(arabic).join() !== tags(kurdish).join() || latinWords(arabic).some((w) => !kurdish.includes(w)),
    );
    expect(differing.map((m) => `${m.where}: ${latinWords(m.arabic).join()} | ${m.kurdish}`)).toEqual([]);
  });

  it('use Kurdish letters, not the Arabic ي ك ة ى ه', () => {
    const arabicLetters = messages.filter(({ kurdish }) => /[\u064A\u0643\u0629\u0649\u0647]/u.test(kurdish));
    expect(arabicLetters.map((m) => `${m.where}: ${m.kurdish}`)).toEqual([]);
  });
});
