import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { zipFiles } from '../../server/src/spreadsheets/zip-writer.js';
import { toLargeXlsx } from '../../server/src/spreadsheets/xlsx-large.js';
import { toCsv } from '../../server/src/spreadsheets/csv.js';

/** The full export's own ZIP and workbook writers, read back with JSZip and ExcelJS (independent readers). */
describe('zipFiles', () => {
  it('writes deflated and stored entries with UTF-8 names that read back byte for byte', async () => {
    const text = Buffer.from('الاسم,phone\r\nزينب,+9647701234567\r\n'.repeat(500), 'utf8');
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const zip = zipFiles([
      { name: 'مجلد/جهات.csv', data: text },
      { name: 'scan.png', data: png, compress: false },
      { name: 'empty.txt', data: Buffer.alloc(0) },
    ]);
    const read = await JSZip.loadAsync(zip, { checkCRC32: true });
    expect(Object.keys(read.files)).toEqual(['مجلد/جهات.csv', 'scan.png', 'empty.txt']);
    expect((await read.file('مجلد/جهات.csv')!.async('nodebuffer')).equals(text)).toBe(true);
    expect((await read.file('scan.png')!.async('nodebuffer')).equals(png)).toBe(true);
    expect((await read.file('empty.txt')!.async('nodebuffer')).length).toBe(0);
    expect(zip.length).toBeLessThan(text.length / 4);
  });
});

describe('toLargeXlsx', () => {
  it('keeps text as text (formulas, phones, markup, Arabic) and numbers as numbers', async () => {
    const file = toLargeXlsx([
      {
        name: 'contacts',
        columns: [{ header: 'name' }, { header: 'phones' }, { header: 'n' }],
        rows: [
          ['=HYPERLINK("http://x")', '+9647701234567', 3],
          ['<b>زينب & "علي"</b>\u0007', null, 0],
        ],
      },
      { name: 'a/b:c*d?[e]', columns: [{ header: 'x' }], rows: [] },
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file as never);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['contacts', 'a b c d  e ']);
    const sheet = workbook.getWorksheet('contacts')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('name');
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    const formula = sheet.getRow(2).getCell(1);
    expect(formula.type).toBe(ExcelJS.ValueType.String);
    expect(formula.value).toBe('=HYPERLINK("http://x")');
    expect(sheet.getRow(2).getCell(2).value).toBe('+9647701234567');
    expect(sheet.getRow(2).getCell(3).value).toBe(3);
    expect(sheet.getRow(3).getCell(1).value).toBe('<b>زينب & "علي"</b>');
    expect(sheet.getRow(3).getCell(3).value).toBe(0);
  });
});

describe('toCsv', () => {
  it('quotes a note with a lone line break, so the row stays one row', () => {
    const csv = toCsv({ columns: [{ header: 'notes' }, { header: 'phones' }], rows: [['سطر أول\nسطر ثان', '+9647701234567']] }).toString(
      'utf8',
    );
    expect(csv).toBe('\uFEFFnotes,phones\r\n"سطر أول\nسطر ثان","\t+9647701234567"\r\n');
  });
});
