import { describe, expect, it } from 'vitest';
import { accountSecurityAr, accountSecurityKu } from '../../../web/src/lib/i18n/features/account-security.js';
import { auditAr, auditKu } from '../../../web/src/lib/i18n/features/audit.js';
import { bulkActionsAr, bulkActionsKu } from '../../../web/src/lib/i18n/features/bulk-actions.js';
import { consentAr, consentKu } from '../../../web/src/lib/i18n/features/consent.js';
import { customFieldsAr, customFieldsKu } from '../../../web/src/lib/i18n/features/custom-fields.js';
import { directoryAr, directoryKu } from '../../../web/src/lib/i18n/features/directory.js';
import { duplicatesAr, duplicatesKu } from '../../../web/src/lib/i18n/features/duplicates.js';
import { historyAr, historyKu } from '../../../web/src/lib/i18n/features/history.js';
import { importReportAr, importReportKu } from '../../../web/src/lib/i18n/features/import-report.js';
import { importsAr, importsKu } from '../../../web/src/lib/i18n/features/imports.js';
import { tasksAr, tasksKu } from '../../../web/src/lib/i18n/features/tasks.js';
import { trashAr, trashKu } from '../../../web/src/lib/i18n/features/trash.js';
import { formatMessage } from '../../../web/src/lib/i18n/message-format.js';

/** Issue 16, item 1: the Sorani messages of these features keep the Arabic's placeholders and plural blocks. */
const dictionaries: Record<string, [Record<string, string>, Record<string, string>]> = {
  'account-security': [accountSecurityAr, accountSecurityKu],
  audit: [auditAr, auditKu],
  'bulk-actions': [bulkActionsAr, bulkActionsKu],
  consent: [consentAr, consentKu],
  'custom-fields': [customFieldsAr, customFieldsKu],
  directory: [directoryAr, directoryKu],
  duplicates: [duplicatesAr, duplicatesKu],
  history: [historyAr, historyKu],
  'import-report': [importReportAr, importReportKu],
  imports: [importsAr, importsKu],
  tasks: [tasksAr, tasksKu],
  trash: [trashAr, trashKu],
};

/** Sorani has the plural categories one and other; `=N` cases match exact numbers. */
const SORANI_CASE = /^(=\d+|one|other)$/;

interface Shape {
  placeholders: Set<string>;
  problems: string[];
}

/** The text inside the brace opened just before `start`, or null when the braces do not balance. */
function closing(text: string, start: number): number | null {
  let depth = 1;
  for (let i = start; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return null;
}

/** Placeholder names of a message (plural variables included) and what is wrong with its plural blocks. */
function shape(message: string, shapeOf: Shape = { placeholders: new Set(), problems: [] }, checkCases = false): Shape {
  let i = 0;
  while (i < message.length) {
    const open = message.indexOf('{', i);
    if (open === -1) break;
    const end = closing(message, open + 1);
    if (end === null) {
      shapeOf.problems.push(`unbalanced brace at ${open}`);
      break;
    }
    const inner = message.slice(open + 1, end);
    const plural = /^\s*(\w+)\s*,\s*plural\s*,([\s\S]*)$/.exec(inner);
    if (plural) {
      shapeOf.placeholders.add(plural[1]);
      const cases = pluralCases(plural[2], shapeOf);
      if (!cases.includes('other')) shapeOf.problems.push(`plural {${plural[1]}} has no other case`);
      if (checkCases) {
        for (const name of cases) if (!SORANI_CASE.test(name)) shapeOf.problems.push(`plural {${plural[1]}} has case ${name}`);
      }
    } else if (/^\w+$/.test(inner)) shapeOf.placeholders.add(inner);
    else shapeOf.problems.push(`unexpected block {${inner}}`);
    i = end + 1;
  }
  return shapeOf;
}

/** Case names of a plural body; every case's text is read for placeholders too. */
function pluralCases(body: string, shapeOf: Shape): string[] {
  const names: string[] = [];
  let i = 0;
  while (i < body.length) {
    const rest = body.slice(i);
    if (/^\s*$/.test(rest)) break;
    const key = /^\s*(=\d+|zero|one|two|few|many|other)\s*\{/.exec(rest);
    const end = key ? closing(body, i + key[0].length) : null;
    if (!key || end === null) {
      shapeOf.problems.push(`plural body does not parse at «${rest.slice(0, 20)}»`);
      break;
    }
    names.push(key[1]);
    shape(body.slice(i + key[0].length, end), shapeOf);
    i = end + 1;
  }
  return names;
}

const sorted = (names: Set<string>) => [...names].sort();

/** Latin words outside placeholders and plural syntax: the brand and file-format names a translation keeps as they are. */
const latinWords = (message: string): string[] =>
  message.replace(/\{\s*\w+\s*(,\s*plural\s*,)?|\b(=\d+|zero|one|two|few|many|other)\s*\{/g, ' ').match(/[A-Za-z][A-Za-z0-9_.+-]*/g) ?? [];

describe('Sorani messages (second half of the features)', () => {
  for (const [feature, [ar, ku]] of Object.entries(dictionaries)) {
    it(`${feature}: has every Arabic key and no other`, () => {
      expect(Object.keys(ku).sort()).toEqual(Object.keys(ar).sort());
    });

    it(`${feature}: keeps each message's placeholders, with plural blocks that parse`, () => {
      for (const key of Object.keys(ar)) {
        const arabic = shape(ar[key]);
        const kurdish = shape(ku[key], undefined, true);
        expect({ key, problems: kurdish.problems }).toEqual({ key, problems: [] });
        expect({ key, placeholders: sorted(kurdish.placeholders) }).toEqual({ key, placeholders: sorted(arabic.placeholders) });
      }
    });

    it(`${feature}: is written in Kurdish letters, not the Arabic yeh, kaf, teh marbuta, alef maksura or heh`, () => {
      for (const [key, message] of Object.entries(ku)) {
        expect({ key, arabicLetters: message.match(/[يكةىه]/gu) ?? [] }).toEqual({ key, arabicLetters: [] });
      }
    });

    it(`${feature}: keeps the Arabic's Latin brand and technical words (CSV, XLSX, PDF, ZIP, UTF-8…)`, () => {
      for (const key of Object.keys(ar)) {
        const kurdish = latinWords(ku[key]);
        expect({ key, missing: latinWords(ar[key]).filter((word) => !kurdish.includes(word)) }).toEqual({ key, missing: [] });
      }
    });

    it(`${feature}: fills every placeholder when formatted`, () => {
      for (const [key, message] of Object.entries(ku)) {
        const names = shape(message).placeholders;
        const params = Object.fromEntries([...names].map((name) => [name, 3]));
        const filled = formatMessage(message, names.size ? params : undefined, 'ckb');
        expect({ key, left: filled.match(/\{\w+\}/g) ?? [] }).toEqual({ key, left: [] });
      }
    });
  }

  it('says one and many in Sorani', () => {
    expect([1, 3].map((n) => formatMessage(importsKu['imports.run.progress'], { processed: 1, total: n }, 'ckb'))).toEqual([
      '1 لە یەک ڕیز',
      '1 لە 3 ڕیز',
    ]);
  });
});
