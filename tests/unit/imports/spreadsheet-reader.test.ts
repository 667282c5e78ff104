import { describe, expect, it } from 'vitest';
import { cellText, decodeText, readSpreadsheet, sniffDelimiter } from '../../../server/src/modules/imports/spreadsheet-reader.js';
import { utf8, windows1256, xlsxWithFormula } from '../../fixtures/imports/import-files.js';

describe('spreadsheet reader', () => {
  it('tells UTF-8 from Windows-1256', () => {
    expect(decodeText(utf8('الاسم'))).toEqual({ text: 'الاسم', encoding: 'utf-8' });
    expect(decodeText(windows1256('الاسم,المحافظة'))).toEqual({ text: 'الاسم,المحافظة', encoding: 'windows-1256' });
  });

  it('sniffs the delimiter, ignoring the ones inside quotes', () => {
    expect(sniffDelimiter('a,b,c\n1,2,3')).toBe(',');
    expect(sniffDelimiter('a;b;c\n"1,5";2;3')).toBe(';');
    expect(sniffDelimiter('a\tb\n1\t2')).toBe('\t');
  });

  it('turns cells into text: formulas give their cached result, dates their day', () => {
    expect(cellText({ formula: 'A1*2', result: 42 })).toBe('42');
    expect(cellText({ formula: 'X()' })).toBe('');
    expect(cellText(new Date(Date.UTC(2025, 2, 9)))).toBe('2025-03-09');
    expect(cellText(0.1 + 0.2)).toBe('0.3');
  });

  it('trims trailing empty columns and rows and pads short rows', async () => {
    const sheet = await readSpreadsheet('a.csv', utf8('Name,Phone,,\r\nA,1\r\nB,2,,\r\n,,,\r\n'));
    expect(sheet).toMatchObject({
      headers: ['Name', 'Phone'],
      rows: [
        ['A', '1'],
        ['B', '2'],
      ],
    });
    const book = await readSpreadsheet('b.xlsx', await xlsxWithFormula());
    expect(book.headers).toEqual(['Name', 'الهاتف', 'Governorate', 'Tags']);
  });
});
