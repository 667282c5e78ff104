import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Sheet } from './table.js';

/**
 * A workbook of many rows (the full export): ExcelJS's streaming writer commits each row as it goes and writes
 * strings inline, where the in-memory Workbook would hold every cell object and a shared-string table at once.
 * Cells are typed values, never formulas, as in xlsx.ts.
 */
export async function toLargeXlsx(sheets: Sheet[]): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Stakeholder directory';
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet', {
      views: [{ rightToLeft: sheet.rightToLeft ?? false, state: 'frozen', ySplit: 1 }],
    });
    worksheet.columns = sheet.columns.map((column) => ({ header: column.header, width: column.width ?? 18 }));
    worksheet.getRow(1).font = { bold: true };
    worksheet.getRow(1).commit();
    for (const row of sheet.rows) worksheet.addRow(row.map((cell) => (cell === null ? '' : cell))).commit();
    worksheet.commit();
  }
  await workbook.commit();
  await done;
  return Buffer.concat(chunks);
}
