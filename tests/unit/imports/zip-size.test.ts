import { describe, expect, it } from 'vitest';
import { readSpreadsheet } from '../../../server/src/modules/imports/spreadsheet-reader.js';
import { declaredUncompressedSize } from '../../../server/src/modules/imports/zip-size.js';
import { xlsxWithFormula } from '../../fixtures/imports/import-files.js';

/** Sets the declared uncompressed size of the first central-directory entry, as a zip bomb would carry it. */
function withFirstEntryDeclaring(bytes: Buffer, size: number): Buffer {
  const copy = Buffer.from(bytes);
  const header = copy.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  copy.writeUInt32LE(size, header + 24);
  return copy;
}

describe('declared size of a workbook before it is unpacked', () => {
  it('adds up what a real workbook declares', async () => {
    const workbook = await xlsxWithFormula();
    const size = declaredUncompressedSize(workbook)!;
    expect(size).toBeGreaterThan(workbook.length);
    expect(size).toBeLessThan(1024 * 1024);
  });

  it('is null for bytes that are not a ZIP archive, and Infinity for ZIP64 sizes', async () => {
    expect(declaredUncompressedSize(Buffer.from('Name,Phone\nA,1\n'))).toBeNull();
    expect(declaredUncompressedSize(withFirstEntryDeclaring(await xlsxWithFormula(), 0xffffffff))).toBe(Infinity);
  });

  it('refuses a workbook that would expand past the limit, without unpacking it', async () => {
    const bomb = withFirstEntryDeclaring(await xlsxWithFormula(), 300 * 1024 * 1024);
    await expect(readSpreadsheet('bomb.xlsx', bomb)).rejects.toMatchObject({ status: 413, code: 'IMPORT_TOO_LARGE' });
    await expect(readSpreadsheet('ok.xlsx', await xlsxWithFormula())).resolves.toMatchObject({ format: 'xlsx' });
  });
});
