import type { Db } from '../../db/database.js';
import type { Actor } from '../../access/actor.js';
import { hidesRestrictedDetails } from '../../access/restricted-details.js';
import { coversGovernorate } from '../../access/actor-access.js';
import { KIND_LABELS, SUBTYPE_LABELS } from '../../domain/contact-labels.js';
import { findGovernorate, governorateNameIn } from '../../domain/governorates.js';
import { LANGUAGE_TAGS, isRightToLeft, type Language } from '../../domain/language.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { Sheet, SheetCell, SpreadsheetFormat } from '../../spreadsheets/table.js';
import { findPartnerships, toDto } from '../partnerships/partnerships.service.js';
import * as repo from './hxl-export.repository.js';
import type { HxlDataset, HxlExportFilter } from './hxl-export.schemas.js';

type Lang = Language;

interface HxlColumn {
  header: Record<Lang, string>;
  tag: string;
  width?: number;
}

const SHEET_NAMES: Record<HxlDataset, Record<Lang, string>> = {
  organisations: { ar: 'المنظمات', en: 'Organisations', ku: 'ڕێکخراوەکان' },
  partnerships: { ar: 'الشراكات الحكومية', en: 'Government partnerships', ku: 'هاوبەشییە حکومییەکان' },
};
const GOVERNMENT: Record<Lang, string> = { ar: 'جهة حكومية', en: 'Government', ku: 'حکومی' };

/** Halabja has no OCHA p-code of its own (OCHA counts it inside Sulaymaniyah, IQG06): its own key, and a note. */
const NO_PCODE_NOTE: Record<Lang, string> = {
  ar: 'حلبجة ليس لها رمز OCHA خاص بها (تُحسب ضمن السليمانية IQG06)؛ المفتاح HALABJA خاص بهذا الدليل',
  en: 'Halabja has no OCHA p-code of its own (OCHA counts it inside Sulaymaniyah, IQG06); HALABJA is this directory’s key',
  ku: 'هەڵەبجە کۆدی OCHAی تایبەت بە خۆی نییە (OCHA لەناو سلێمانی IQG06 دەیژمێرێت)؛ کلیلی HALABJA تایبەتە بەم ڕێبەرە',
};

// HXL's language attribute takes the ISO 639 code: +i_ckb for Sorani (LANGUAGE_TAGS), as +i_ku would mean Kurmanji.
const GOVERNORATE_COLUMNS = (lang: Lang): HxlColumn[] => [
  { header: { ar: 'المحافظة', en: 'Governorate', ku: 'پارێزگا' }, tag: `#adm1+name+i_${LANGUAGE_TAGS[lang]}`, width: 18 },
  { header: { ar: 'رمز المحافظة (OCHA)', en: 'Governorate p-code (OCHA)', ku: 'کۆدی پارێزگا (OCHA)' }, tag: '#adm1+code', width: 14 },
];
const NOTE_COLUMN: HxlColumn = { header: { ar: 'ملاحظة', en: 'Note', ku: 'تێبینی' }, tag: '#description', width: 40 };
const COUNTRY_COLUMN: HxlColumn = { header: { ar: 'رمز البلد', en: 'Country code', ku: 'کۆدی وڵات' }, tag: '#country+code', width: 8 };

/** The governorate cells of a row: name in the file's language, p-code (or our own key), and a note where needed. */
function where(code: string, lang: Lang): { cells: SheetCell[]; note: string | null } {
  const g = findGovernorate(code);
  if (!g) return { cells: [code, code], note: null };
  return { cells: [governorateNameIn(g, lang), g.pcode ?? g.code], note: g.pcode ? null : NO_PCODE_NOTE[lang] };
}

function sheetOf(name: string, lang: Lang, columns: HxlColumn[], rows: SheetCell[][]): Sheet {
  return {
    name,
    rightToLeft: isRightToLeft(lang),
    columns: columns.map((c) => ({ header: c.header[lang], width: c.width ?? 18 })),
    // The hashtag row sits right under the header row, as the HXL tagging conventions ask.
    rows: [columns.map((c) => c.tag), ...rows],
  };
}

async function organisationsSheet(db: Db, actor: Actor, lang: Lang): Promise<Sheet> {
  const columns: HxlColumn[] = [
    { header: { ar: 'المنظمة', en: 'Organisation', ku: 'ڕێکخراو' }, tag: '#org+name', width: 36 },
    { header: { ar: 'الاسم بالحروف اللاتينية', en: 'Latin name', ku: 'ناو بە پیتی لاتینی' }, tag: '#org+name+i_en', width: 30 },
    { header: { ar: 'النوع', en: 'Type', ku: 'جۆر' }, tag: '#org+type', width: 18 },
    COUNTRY_COLUMN,
    ...GOVERNORATE_COLUMNS(lang),
    { header: { ar: 'الهواتف', en: 'Phones', ku: 'تەلەفۆنەکان' }, tag: '#contact+phone', width: 22 },
    { header: { ar: 'البريد الإلكتروني', en: 'Emails', ku: 'ئیمەیڵەکان' }, tag: '#contact+email', width: 28 },
    NOTE_COLUMN,
  ];
  const rows: SheetCell[][] = [];
  for (const org of await repo.organisations(db, actor.governorates)) {
    const hidden = hidesRestrictedDetails(actor, org);
    const type = org.kind === 'volunteer_team' ? KIND_LABELS.volunteer_team : SUBTYPE_LABELS[org.subtype ?? 'other'];
    // One row per governorate (one place per row, as 3W tools read it), only those the caller covers.
    for (const code of org.governorates.filter((c) => coversGovernorate(actor, c))) {
      const place = where(code, lang);
      rows.push([
        org.name,
        org.name_latin,
        type[lang],
        'IRQ',
        ...place.cells,
        hidden ? null : org.phones.join(', ') || null,
        hidden ? null : org.emails.join(', ') || null,
        place.note,
      ]);
    }
  }
  return sheetOf(SHEET_NAMES.organisations[lang], lang, columns, rows);
}

async function partnershipsSheet(db: Db, actor: Actor, lang: Lang): Promise<Sheet> {
  const columns: HxlColumn[] = [
    { header: { ar: 'الجهة الحكومية', en: 'Government body', ku: 'دەزگای حکومی' }, tag: '#org+name', width: 36 },
    { header: { ar: 'النوع', en: 'Type', ku: 'جۆر' }, tag: '#org+type', width: 14 },
    COUNTRY_COLUMN,
    ...GOVERNORATE_COLUMNS(lang),
    { header: { ar: 'نقاط الاتصال الحالية', en: 'Current focal points', ku: 'خاڵەکانی پەیوەندیی ئێستا' }, tag: '#contact+name', width: 36 },
    { header: { ar: 'تاريخ آخر اتصال', en: 'Last contact date', ku: 'بەرواری دوایین پەیوەندی' }, tag: '#date', width: 14 },
    { header: { ar: 'حالة الشراكة', en: 'Partnership status', ku: 'دۆخی هاوبەشی' }, tag: '#status', width: 12 },
    NOTE_COLUMN,
  ];
  const { page } = await findPartnerships(db, actor, {}, { limit: null, offset: 0 });
  const rows: SheetCell[][] = [];
  for (const body of page.items.map(toDto)) {
    for (const code of body.governorates.filter((c) => coversGovernorate(actor, c))) {
      const place = where(code, lang);
      rows.push([
        body.name,
        GOVERNMENT[lang],
        'IRQ',
        ...place.cells,
        body.currentFocalPoints.map((f) => f.name).join('; ') || null,
        body.lastContactOn,
        body.status,
        place.note,
      ]);
    }
  }
  return sheetOf(SHEET_NAMES.partnerships[lang], lang, columns, rows);
}

const SHEETS: Record<HxlDataset, (db: Db, actor: Actor, lang: Lang) => Promise<Sheet>> = {
  organisations: organisationsSheet,
  partnerships: partnershipsSheet,
};

/** A dataset with its HXL hashtag row, for partners' and clusters' tools; audited like every export. */
export async function exportHxl(
  db: Db,
  actor: Actor,
  filter: HxlExportFilter,
): Promise<{ format: SpreadsheetFormat; baseName: string; sheets: Sheet[] }> {
  const format = filter.format ?? 'csv';
  const lang = filter.lang ?? 'ar';
  return db.transaction().execute(async (trx) => {
    const sheet = await SHEETS[filter.dataset](trx, actor, lang);
    await recordAudit(trx, {
      userId: actor.id,
      action: 'export',
      entityType: filter.dataset === 'partnerships' ? 'partnership' : 'directory',
      entityId: null,
      details: { format, lang, hxl: true, dataset: filter.dataset, rows: sheet.rows.length - 1 },
    });
    return { format, baseName: `hxl-${filter.dataset}`, sheets: [sheet] };
  });
}
