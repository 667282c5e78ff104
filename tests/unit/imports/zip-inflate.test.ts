import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readSpreadsheet } from '../../../server/src/modules/imports/spreadsheet-reader.js';
import { readZipDirectory } from '../../../server/src/modules/imports/zip-size.js';
import { checkZipInflation, inflatedLength } from '../../../server/src/modules/imports/zip-inflate.js';
import { xlsxWithFormula } from '../../fixtures/imports/import-files.js';
import {
  xlsxBombWithFalsifiedSizes,
  xlsxDeclaringMoreThanItHolds,
  xlsxRewritten,
  xlsxWithStoredSheet,
  zipEntries,
  zipOf,
} from '../../fixtures/imports/zip-bomb.js';

const MB = 1024 * 1024;
const entriesOf = (bytes: Buffer) => {
  const directory = readZipDirectory(bytes);
  if (directory?.kind !== 'zip') throw new Error('not a plain zip');
  return directory.entries;
};
const LIMITS = { total: 200 * MB, perEntry: 128 * MB };

describe('counting what deflate data really inflates to', () => {
  it('counts all of it when it stays under the limit, and stops just past the limit otherwise', async () => {
    const tenMb = deflateRawSync(Buffer.alloc(10 * MB));
    await expect(inflatedLength(tenMb, 20 * MB)).resolves.toBe(10 * MB);
    const stopped = await inflatedLength(tenMb, 1000);
    expect(stopped).toBeGreaterThan(1000);
    expect(stopped).toBeLessThanOrEqual(1000 + 64 * 1024);
    await expect(inflatedLength(Buffer.from([0xff, 0xff, 0xff, 0xff]), 1000)).rejects.toThrow();
  });
});

describe('checking a workbook before exceljs unpacks it', () => {
  it('passes a real workbook, stored or deflated, at exactly its declared size', async () => {
    for (const book of [await xlsxWithFormula(), await xlsxRewritten(), await xlsxWithStoredSheet()]) {
      const entries = entriesOf(book);
      const declared = entries.reduce((n, e) => n + e.declaredSize, 0);
      await expect(checkZipInflation(book, entries, LIMITS)).resolves.toEqual({ ok: true, inflatedBytes: declared });
      await expect(readSpreadsheet('book.xlsx', book)).resolves.toMatchObject({
        format: 'xlsx',
        headers: ['Name', 'الهاتف', 'Governorate', 'Tags'],
      });
    }
  });

  it('stops an entry that inflates past its declared size after a chunk, without its real size in memory', async () => {
    const bomb = await xlsxBombWithFalsifiedSizes(300 * MB);
    await expect(checkZipInflation(bomb, entriesOf(bomb), LIMITS)).resolves.toEqual({ ok: false, reason: 'past_declared' });
    const before = process.memoryUsage();
    await Promise.all(
      Array.from({ length: 8 }, () =>
        expect(readSpreadsheet('bomb.xlsx', bomb)).rejects.toMatchObject({ status: 413, code: 'IMPORT_TOO_LARGE' }),
      ),
    );
    const after = process.memoryUsage();
    expect(after.rss - before.rss).toBeLessThan(100 * MB);
    expect(after.arrayBuffers - before.arrayBuffers).toBeLessThan(100 * MB);
  });

  it('holds the actual total and each entry to the limits even when the directory tells the truth', async () => {
    const entries = zipEntries(await xlsxWithFormula());
    const big = { ...entries[0], method: 8, data: deflateRawSync(Buffer.alloc(3 * MB, 0x20)), declaredSize: 3 * MB };
    const book = zipOf([...entries, { ...big, name: Buffer.from('xl/media/a.bin') }, { ...big, name: Buffer.from('xl/media/b.bin') }]);
    await expect(checkZipInflation(book, entriesOf(book), { total: 5 * MB, perEntry: 4 * MB })).resolves.toEqual({
      ok: false,
      reason: 'too_large',
    });
    await expect(checkZipInflation(book, entriesOf(book), { total: 50 * MB, perEntry: 2 * MB })).resolves.toEqual({
      ok: false,
      reason: 'too_large',
    });
    await expect(checkZipInflation(book, entriesOf(book), { total: 50 * MB, perEntry: 4 * MB })).resolves.toMatchObject({ ok: true });
  });

  it('refuses as unreadable an entry shorter than declared, encrypted, or packed with a method exceljs cannot read', async () => {
    const short = await xlsxDeclaringMoreThanItHolds();
    await expect(checkZipInflation(short, entriesOf(short), LIMITS)).resolves.toEqual({ ok: false, reason: 'short' });
    await expect(readSpreadsheet('short.xlsx', short)).rejects.toMatchObject({ status: 415, code: 'IMPORT_UNSUPPORTED_FORMAT' });
    const book = await xlsxWithFormula();
    const [first, ...rest] = entriesOf(book);
    await expect(checkZipInflation(book, [{ ...first, encrypted: true }, ...rest], LIMITS)).resolves.toEqual({
      ok: false,
      reason: 'unsupported',
    });
    await expect(checkZipInflation(book, [{ ...first, method: 12 }, ...rest], LIMITS)).resolves.toEqual({
      ok: false,
      reason: 'unsupported',
    });
  });
});

describe('reading the zip directory as JSZip does', () => {
  it('finds every entry with where its data lies, and allows for bytes before the archive', async () => {
    const book = await xlsxWithFormula();
    const entries = entriesOf(book);
    expect(entries.length).toBe(zipEntries(book).length);
    const shifted = entriesOf(Buffer.concat([Buffer.from('stub before the archive'), book]));
    expect(shifted.map((e) => e.dataStart - 23)).toEqual(entries.map((e) => e.dataStart));
    await expect(readSpreadsheet('stub.xlsx', Buffer.concat([Buffer.from('PK\x03\x04 stub'), book]))).resolves.toMatchObject({
      format: 'xlsx',
    });
  });

  it('refuses entries that share their compressed bytes (the overlapping-file bomb) and cut-off archives', async () => {
    const book = await xlsxWithFormula();
    const entries = zipEntries(book);
    const overlapping = zipOf(entries);
    // Point the second central header at the first entry's local header.
    const firstCentral = overlapping.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    const secondCentral = overlapping.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), firstCentral + 4);
    overlapping.writeUInt32LE(overlapping.readUInt32LE(firstCentral + 42), secondCentral + 42);
    expect(readZipDirectory(overlapping)).toBeNull();
    await expect(readSpreadsheet('overlap.xlsx', overlapping)).rejects.toMatchObject({ status: 415 });
    expect(readZipDirectory(book.subarray(0, book.length - 30))).toBeNull();
    expect(readZipDirectory(Buffer.from('PK\x03\x04 and nothing else'))).toBeNull();
  });
});
