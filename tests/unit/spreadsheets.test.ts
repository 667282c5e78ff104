import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { neutraliseFormula, toCsv } from '../../server/src/spreadsheets/csv.js';
import { toXlsx } from '../../server/src/spreadsheets/xlsx.js';

const sheet = {
  name: 'قائمة المدعوين',
  columns: [{ header: 'الاسم' }, { header: 'الهاتف' }, { header: 'العدد' }],
  rows: [
    ['إيناس عبد المحسن', '+9647701234567', 3],
    ['=HYPERLINK("http://x")', null, 0],
  ],
};

describe('CSV export', () => {
  it('starts with a byte order mark and keeps Arabic intact', () => {
    const bytes = toCsv(sheet);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.split('\r\n')[0]).toBe('الاسم,الهاتف,العدد');
    expect(text).toContain('إيناس عبد المحسن,+9647701234567,3');
  });

  it('turns formula-like cells into text but leaves phone numbers alone', () => {
    expect(neutraliseFormula('=1+1')).toBe("'=1+1");
    expect(neutraliseFormula('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutraliseFormula('-cmd')).toBe("'-cmd");
    expect(neutraliseFormula('+964 770 123')).toBe('+964 770 123');
    expect(neutraliseFormula('-5')).toBe('-5');
    expect(toCsv(sheet).toString('utf8')).toContain(`"'=HYPERLINK(""http://x"")",,0`);
  });
});

describe('XLSX export', () => {
  it('writes a right-to-left sheet whose cells read back as written, formulas as plain text', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await toXlsx([sheet])) as unknown as ArrayBuffer);
    const worksheet = workbook.worksheets[0]!;
    expect(worksheet.name).toBe('قائمة المدعوين');
    expect(worksheet.views[0]?.rightToLeft).toBe(true);
    expect(worksheet.getRow(1).values).toEqual([undefined, 'الاسم', 'الهاتف', 'العدد']);
    expect(worksheet.getCell('A2').value).toBe('إيناس عبد المحسن');
    expect(worksheet.getCell('B2').value).toBe('+9647701234567');
    expect(worksheet.getCell('C2').value).toBe(3);
    expect(worksheet.getCell('A3').formula).toBeUndefined();
    expect(worksheet.getCell('A3').value).toBe('=HYPERLINK("http://x")');
  });
});
