import { stringify } from 'csv-stringify/sync';
import type { Sheet, SheetCell } from './table.js';

/** Excel only reads a CSV file as UTF-8 (and so shows Arabic) when it starts with a byte order mark. */
const BOM = '\uFEFF';

/**
 * A cell that starts like a formula (=, @, or + / - not followed by a digit) is prefixed with an apostrophe so a
 * spreadsheet shows it as text instead of running it (CSV injection). Phones such as +964… stay as they are.
 */
export function neutraliseFormula(value: string): string {
  return /^[=@\t\r]|^[+-](?![\d\s(])/.test(value) ? `'${value}` : value;
}

function cellText(cell: SheetCell): string {
  if (cell === null) return '';
  return typeof cell === 'number' ? String(cell) : neutraliseFormula(cell);
}

export function toCsv(sheet: Pick<Sheet, 'columns' | 'rows'>): Buffer {
  const records = [sheet.columns.map((column) => column.header), ...sheet.rows.map((row) => row.map(cellText))];
  return Buffer.from(BOM + stringify(records, { record_delimiter: 'windows' }), 'utf8');
}
