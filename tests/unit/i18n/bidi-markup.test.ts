import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * Issue 14, item 13: user data is isolated where it is shown, messages are not. t() isolates a value written in the
 * other direction (message-format.ts); markup must not undo that by turning a whole message, or a phone card's cell
 * with its label, into "auto" direction, which takes the direction of the data and lays the label out backwards
 * ("— :الجهة").
 */
const WEB = path.resolve('web/src');

function svelteFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return svelteFiles(full);
    return entry.name.endsWith('.svelte') ? [full] : [];
  });
}

const files = svelteFiles(WEB).map((file) => ({ file: path.relative(WEB, file), text: readFileSync(file, 'utf8') }));

function offending(pattern: RegExp): string[] {
  return files.flatMap(({ file, text }) => [...text.matchAll(pattern)].map((m) => `${file}: ${m[0]}`));
}

describe('markup keeps messages in the reader’s direction and isolates the data inside', () => {
  it('no element in auto direction whose content is a translated message', () => {
    expect(offending(/<\w+[^>]*\bdir="auto"[^>]*>\s*\{t\(/g)).toEqual([]);
  });

  it('no labelled table cell in auto direction (the label is drawn before the data on phones)', () => {
    expect(offending(/<td[^>]*\bdata-label=[^>]*\bdir="auto"[^>]*>|<td[^>]*\bdir="auto"[^>]*\bdata-label=[^>]*>/g)).toEqual([]);
  });

  it('a heading made of user data isolates it instead of taking its direction (it would float to the far edge)', () => {
    expect(offending(/<h[1-6][^>]*\bdir="auto"[^>]*>/g)).toEqual([]);
  });
});
