import type { Sheet, SheetCell } from './table.js';

/** Excel only reads a CSV file as UTF-8 (and so shows Arabic) when it starts with a byte order mark. */
const BOM = '\uFEFF';

/**
 * Text that is nothing but numbers written the way phones are (digits, spaces, ( ) . -, one sign in front), alone or
 * as a list: "+9647701234567", "0770 123 4567", "+964 770 111, +964 780 222". Excel and LibreOffice would read such a
 * cell as a number (dropping the + and the leading 0, rounding past 15 digits) or, with a leading + or -, as a formula.
 */
const NUMBER_PART = /^\s*[+-]?[\d\s().-]*\d[\d\s().-]*$/;
export const isNumberLikeText = (value: string) => value.split(/[,;\u060C\u061B]/).every((part) => NUMBER_PART.test(part));

/**
 * CSV injection (OWASP): a cell starting with = + - @ or a tab / carriage return could run as a formula, so it is
 * prefixed with an apostrophe and shows as text. Number-like text (phones) is left alone: it cannot be a formula.
 * The old exemption ("+ or - followed by a digit") let `-2+3+cmd|' /C calc'!A0` through; a cell is exempt only when it
 * holds nothing but digits and phone punctuation.
 */
export function neutraliseFormula(value: string): string {
  if (isNumberLikeText(value)) return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * Number-like text gets a leading tab, the one marker both Excel and LibreOffice keep as part of a text cell and draw
 * as nothing: they then show +9647701234567 exactly, where bare they would show 9.64770E+12. The alternatives fail one
 * of them: a leading apostrophe is only a typing convention, so a CSV shows it; ="+964…" is a formula, which
 * LibreOffice leaves unevaluated (showing the quotes) when "Evaluate formulas" is off and which the injection guard
 * exists to avoid. Our own importer trims the tab again, so an export reads back unchanged. Such cells are quoted, so no reader
 * trims the tab away as surrounding whitespace.
 */
export function csvText(value: string): string {
  return isNumberLikeText(value) ? `\t${value}` : neutraliseFormula(value);
}

function cellText(cell: SheetCell, date = false): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  return date ? neutraliseFormula(cell) : csvText(cell);
}

/**
 * RFC 4180 with CRLF: a field is quoted when it holds a comma, a quote or a line break, or starts with the tab that
 * marks number-like text (so no reader trims it away). Written by hand rather than with csv-stringify, which took
 * most of the full export's CSV time at 100k contacts. The output is the same but for one fix: with CRLF records
 * csv-stringify left a lone LF (a note typed on two lines) unquoted, which split the row in every reader.
 */
function csvField(text: string): string {
  return /[",\r\n]/.test(text) || text.startsWith('\t') ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(sheet: Pick<Sheet, 'columns' | 'rows'>): Buffer {
  const lines = [sheet.columns.map((column) => csvField(column.header)).join(',')];
  for (const row of sheet.rows) lines.push(row.map((cell, i) => csvField(cellText(cell, sheet.columns[i]?.date))).join(','));
  return Buffer.from(`${BOM}${lines.join('\r\n')}\r\n`, 'utf8');
}
