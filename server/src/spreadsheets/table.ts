/** A sheet to export: the same shape feeds CSV and XLSX, so both formats always carry the same columns. */
export interface SheetColumn {
  header: string;
  /** Width in characters for XLSX; CSV ignores it. */
  width?: number;
  /** Dates (YYYY-MM-DD) look like numbers but are not phones: CSV writes them without the leading tab. */
  date?: boolean;
}

export type SheetCell = string | number | null;

export interface Sheet {
  name: string;
  columns: SheetColumn[];
  rows: SheetCell[][];
  /** Right-to-left sheet view in XLSX (Arabic first). */
  rightToLeft?: boolean;
}

export type SpreadsheetFormat = 'csv' | 'xlsx';
