import ExcelJS from 'exceljs';
import { readZipDirectory } from './zip-size.js';
import { checkZipInflation } from './zip-inflate.js';
import { parse } from 'csv-parse/sync';
import { AppError } from '../../errors.js';

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 20_000;
/** 20,000 rows of contacts unpack to well under 50 MB of XML; more means a zip bomb or not a contact list. */
export const MAX_XLSX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024;
/** No one part of a contact workbook (the worksheet XML is the largest) comes near this. */
export const MAX_XLSX_ENTRY_BYTES = 128 * 1024 * 1024;
const MAX_COLUMNS = 100;

export interface ReadSheet {
  format: 'csv' | 'xlsx';
  encoding: 'utf-8' | 'windows-1256' | null;
  delimiter: ',' | ';' | '\t' | null;
  headers: string[];
  /** Data rows (the header row excluded), every cell as text, each as wide as the header. */
  rows: string[][];
}

export const unsupported = (detail: string) => new AppError(415, 'IMPORT_UNSUPPORTED_FORMAT', detail);
const empty = () => new AppError(400, 'IMPORT_EMPTY', 'The file has no rows under its header row');
const tooManyRows = () =>
  new AppError(400, 'IMPORT_TOO_MANY_ROWS', `The file has more than ${MAX_IMPORT_ROWS} rows; split it into smaller files`);

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (bytes: Buffer, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/**
 * Reads an uploaded CSV or XLSX file into a header row and text rows. The content decides the format (a renamed file
 * still reads), except that macro-enabled workbooks are refused by name: macros are never wanted in a contact list.
 */
export async function readSpreadsheet(fileName: string, bytes: Buffer): Promise<ReadSheet> {
  if (bytes.length === 0) throw empty();
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (['xlsm', 'xltm', 'xlsb', 'xls', 'ods', 'numbers'].includes(extension) || startsWith(bytes, OLE)) {
    throw unsupported('Save the sheet as .xlsx (Excel workbook) or .csv; macro-enabled and old .xls workbooks are not read');
  }
  const sheet = startsWith(bytes, ZIP) ? await readXlsx(bytes) : readCsv(bytes);
  const width = Math.min(MAX_COLUMNS, Math.max(0, ...[sheet.headers, ...sheet.rows].map(lastFilledIndex).map((i) => i + 1)));
  const widen = (row: string[]) => Array.from({ length: width }, (_, i) => row[i] ?? '');
  const headers = widen(sheet.headers).map((h) => h.trim());
  if (headers.every((h) => h === '') || sheet.rows.length === 0) throw empty();
  if (sheet.rows.length > MAX_IMPORT_ROWS) throw tooManyRows();
  return { ...sheet, headers, rows: sheet.rows.map(widen) };
}

function lastFilledIndex(row: string[]): number {
  for (let i = row.length - 1; i >= 0; i--) if (row[i].trim() !== '') return i;
  return -1;
}

/** UTF-8 when the bytes are valid UTF-8 (with or without a BOM), else Windows-1256, Arabic Excel's legacy CSV encoding. */
export function decodeText(bytes: Buffer): { text: string; encoding: 'utf-8' | 'windows-1256' } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1256').decode(bytes), encoding: 'windows-1256' };
  }
}

/** The delimiter that splits the first lines into the most equal, widest rows (quoted text aside). */
export function sniffDelimiter(text: string): ',' | ';' | '\t' {
  const lines = text
    .replace(/"[^"]*"/g, '""')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .slice(0, 20);
  let best: { delimiter: ',' | ';' | '\t'; score: number } = { delimiter: ',', score: -1 };
  for (const delimiter of [',', ';', '\t'] as const) {
    const counts = lines.map((line) => line.split(delimiter).length - 1);
    const first = counts[0] ?? 0;
    if (first === 0) continue;
    const consistent = counts.filter((c) => c === first).length / counts.length;
    const score = first * consistent;
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

function readCsv(bytes: Buffer): ReadSheet {
  if (bytes.includes(0)) throw unsupported('The file is neither a CSV text file nor an XLSX workbook');
  const { text, encoding } = decodeText(bytes);
  const body = text.replace(/^\uFEFF/, '');
  const delimiter = sniffDelimiter(body);
  let records: string[][];
  try {
    // Without `columns`, csv-parse returns rows as arrays of strings (its overloads cannot say so).
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
    records = parse(body, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      to: MAX_IMPORT_ROWS + 2,
    }) as string[][];
  } catch {
    throw unsupported('The CSV file could not be read (unbalanced quotes?)');
  }
  while (records.length && records.at(-1)!.every((c) => c.trim() === '')) records.pop();
  if (records.length === MAX_IMPORT_ROWS + 2) throw tooManyRows();
  const [headers = [], ...rows] = records;
  return { format: 'csv', encoding, delimiter, headers, rows };
}

const notAWorkbook = () => unsupported('The file looks like a workbook but could not be read as .xlsx');
const workbookTooLarge = () =>
  new AppError(413, 'IMPORT_TOO_LARGE', 'The workbook expands to more than a contact sheet can hold; save it as .csv or split it');

/**
 * Refuses a workbook before exceljs unpacks it unless what it really unpacks to is within the limits: first the sizes
 * its directory declares, then the bytes its entries actually inflate to (a zip bomb lies in the directory), counted
 * as they stream out and stopped at the declared size. exceljs then reads bytes already proven to stay within them.
 */
export async function assertWorkbookUnpacksSafely(bytes: Uint8Array): Promise<void> {
  const directory = readZipDirectory(bytes);
  if (directory === null) throw notAWorkbook();
  if (directory.kind === 'zip64') throw workbookTooLarge();
  const declared = directory.entries.reduce((total, entry) => total + entry.declaredSize, 0);
  if (declared > MAX_XLSX_UNCOMPRESSED_BYTES || directory.entries.some((e) => e.declaredSize > MAX_XLSX_ENTRY_BYTES))
    throw workbookTooLarge();
  const check = await checkZipInflation(bytes, directory.entries, { total: MAX_XLSX_UNCOMPRESSED_BYTES, perEntry: MAX_XLSX_ENTRY_BYTES });
  if (check.ok) return;
  if (check.reason === 'past_declared' || check.reason === 'too_large') throw workbookTooLarge();
  throw notAWorkbook();
}

async function readXlsx(bytes: Buffer): Promise<ReadSheet> {
  await assertWorkbookUnpacksSafely(bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw notAWorkbook();
  }
  const worksheet = workbook.worksheets[0];
  if (!worksheet) throw empty();
  if (worksheet.rowCount > MAX_IMPORT_ROWS + 1 + 1000) throw tooManyRows();
  const records: string[][] = [];
  worksheet.eachRow({ includeEmpty: true }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= Math.min(row.cellCount, MAX_COLUMNS); c++) cells.push(cellText(row.getCell(c).value));
    records.push(cells);
  });
  while (records.length && records.at(-1)!.every((c) => c.trim() === '')) records.pop();
  const [headers = [], ...rows] = records;
  return { format: 'xlsx', encoding: null, delimiter: null, headers, rows };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A cell as text. A formula gives its cached result and is never evaluated; an error or missing result is empty. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(15)));
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    return 'result' in value && value.result !== undefined ? cellText(value.result) : '';
  }
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : cellText(value.text);
  if ('error' in value) return '';
  return '';
}
