import { parse } from 'csv-parse/sync';
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
    expect(text).toContain('إيناس عبد المحسن,"\t+9647701234567",3');
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

/**
 * How a spreadsheet reads one CSV field when it opens the file (Excel, and LibreOffice with its defaults): a field that
 * parses as a number becomes a number (the + and leading zeros are lost, and past 15 digits it is rounded); one that
 * starts with = + - @ is a formula; anything else is text, kept as written. A leading tab or apostrophe makes the field
 * neither number nor formula. The tab is drawn as nothing, so the text shown is the field without it.
 */
function spreadsheetReads(field: string): { type: 'number' | 'formula' | 'text'; shown: string } {
  if (/^\s*[+-]?(\d[\d ]*)(\.\d+)?\s*$/.test(field) && !field.startsWith('\t'))
    return { type: 'number', shown: String(Number(field.replace(/ /g, ''))) };
  if (/^[=+\-@]/.test(field)) return { type: 'formula', shown: field };
  return { type: 'text', shown: field.replace(/^\t/, '') };
}

const cellsOf = (bytes: Buffer) => parse(bytes.toString('utf8').slice(1), { relax_column_count: true }) as string[][];

describe('CSV export as a spreadsheet opens it', () => {
  const phones = ['+9647701234567', '07701234567', '9647701234567', '+964 770 123 4567', '+9647701112233, +9647709998877', '٠٧٧٠١٢٣٤٥٦٧'];

  it('keeps every phone as text, shown exactly as stored (a bare +9647… would become 9647701234567)', () => {
    expect(spreadsheetReads('+9647701234567').type).toBe('number');
    const rows = cellsOf(toCsv({ columns: [{ header: 'الهاتف' }], rows: phones.map((p) => [p]) })).slice(1);
    for (const [i, phone] of phones.entries()) {
      expect(spreadsheetReads(rows[i][0]), phone).toEqual({ type: 'text', shown: phone });
    }
  });

  it('never lets user text run as a formula (OWASP CSV injection), nor mangles ordinary text', () => {
    const payloads = [
      '=1+1',
      '+cmd',
      "-2+3+cmd|' /C calc'!A0",
      '@SUM(A1)',
      '=HYPERLINK("http://x","click")',
      '\t=1+1',
      '\r=1+1',
      '+1+cmd|x',
    ];
    const plain = ['إيناس عبد المحسن', 'a-b', 'Ali + Sara', 'وسم: مرأة'];
    const rows = cellsOf(toCsv({ columns: [{ header: 'x' }], rows: [...payloads, ...plain].map((p) => [p]) })).slice(1);
    for (const [i, payload] of payloads.entries()) {
      expect(spreadsheetReads(rows[i][0]).type, payload).toBe('text');
      expect(rows[i][0]).toBe(`'${payload}`);
    }
    for (const [i, text] of plain.entries()) expect(rows[payloads.length + i][0]).toBe(text);
  });

  it('writes numbers as numbers and an empty cell as empty', () => {
    const rows = cellsOf(toCsv({ columns: [{ header: 'n' }, { header: 'e' }], rows: [[12, null]] }));
    expect(rows[1]).toEqual(['12', '']);
  });
});

describe('XLSX export', () => {
  it('writes a right-to-left sheet whose cells read back as written, formulas as plain text', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await toXlsx([sheet])) as unknown as ArrayBuffer);
    const worksheet = workbook.worksheets[0];
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
