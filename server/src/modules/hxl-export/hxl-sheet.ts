import { findGovernorate, governorateNameIn } from '../../domain/governorates.js';
import { LANGUAGE_TAGS, isRightToLeft, type Language } from '../../domain/language.js';
import type { Sheet, SheetCell } from '../../spreadsheets/table.js';

/** The parts every HXL-tagged sheet shares: columns with a tag, the governorate cells with p-codes, the Halabja note. */
export type HxlLang = Language;

export interface HxlColumn {
  header: Record<HxlLang, string>;
  tag: string;
  width?: number;
  date?: boolean;
}

/** Halabja has no OCHA p-code of its own (OCHA counts it inside Sulaymaniyah, IQG06): its own key, and a note. */
const NO_PCODE_NOTE: Record<HxlLang, string> = {
  ar: 'حلبجة ليس لها رمز OCHA خاص بها (تُحسب ضمن السليمانية IQG06)؛ المفتاح HALABJA خاص بهذا الدليل',
  en: 'Halabja has no OCHA p-code of its own (OCHA counts it inside Sulaymaniyah, IQG06); HALABJA is this directory’s key',
  ku: 'هەڵەبجە کۆدی OCHAی تایبەت بە خۆی نییە (OCHA لەناو سلێمانی IQG06 دەیژمێرێت)؛ کلیلی HALABJA تایبەتە بەم ڕێبەرە',
};

// HXL's language attribute takes the ISO 639 code: +i_ckb for Sorani (LANGUAGE_TAGS), as +i_ku would mean Kurmanji.
export const GOVERNORATE_COLUMNS = (lang: HxlLang): HxlColumn[] => [
  { header: { ar: 'المحافظة', en: 'Governorate', ku: 'پارێزگا' }, tag: `#adm1+name+i_${LANGUAGE_TAGS[lang]}`, width: 18 },
  { header: { ar: 'رمز المحافظة (OCHA)', en: 'Governorate p-code (OCHA)', ku: 'کۆدی پارێزگا (OCHA)' }, tag: '#adm1+code', width: 14 },
];
export const NOTE_COLUMN: HxlColumn = { header: { ar: 'ملاحظة', en: 'Note', ku: 'تێبینی' }, tag: '#description', width: 40 };
export const COUNTRY_COLUMN: HxlColumn = {
  header: { ar: 'رمز البلد', en: 'Country code', ku: 'کۆدی وڵات' },
  tag: '#country+code',
  width: 8,
};

/** The governorate cells of a row: name in the file's language, p-code (or our own key), and a note where needed. */
export function where(code: string | null, lang: HxlLang): { cells: SheetCell[]; note: string | null } {
  if (code === null) return { cells: [null, null], note: null };
  const g = findGovernorate(code);
  if (!g) return { cells: [code, code], note: null };
  return { cells: [governorateNameIn(g, lang), g.pcode ?? g.code], note: g.pcode ? null : NO_PCODE_NOTE[lang] };
}

export function sheetOf(name: string, lang: HxlLang, columns: HxlColumn[], rows: SheetCell[][]): Sheet {
  return {
    name,
    rightToLeft: isRightToLeft(lang),
    columns: columns.map((c) => ({ header: c.header[lang], width: c.width ?? 18, date: c.date })),
    // The hashtag row sits right under the header row, as the HXL tagging conventions ask.
    rows: [columns.map((c) => c.tag), ...rows],
  };
}
