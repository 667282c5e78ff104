import type { Db } from '../../db/database.js';
import type { Actor } from '../../access/actor.js';
import { hidesRestrictedDetails } from '../../access/restricted-details.js';
import { coversGovernorate } from '../../access/actor-access.js';
import { SUBTYPE_LABELS } from '../../domain/contact-labels.js';
import { findGovernorate } from '../../domain/governorates.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { Sheet, SheetCell, SpreadsheetFormat } from '../../spreadsheets/table.js';
import { findPartnerships, toDto } from '../partnerships/partnerships.service.js';
import * as repo from './hxl-export.repository.js';
import type { HxlDataset, HxlExportFilter } from './hxl-export.schemas.js';

type Lang = 'ar' | 'en';

interface HxlColumn {
  header: Record<Lang, string>;
  tag: string;
  width?: number;
}

/** Halabja has no OCHA p-code of its own (OCHA counts it inside Sulaymaniyah, IQG06): its own key, and a note. */
const NO_PCODE_NOTE: Record<Lang, string> = {
  ar: 'حلبجة ليس لها رمز OCHA خاص بها (تُحسب ضمن السليمانية IQG06)؛ المفتاح HALABJA خاص بهذا الدليل',
  en: 'Halabja has no OCHA p-code of its own (OCHA counts it inside Sulaymaniyah, IQG06); HALABJA is this directory’s key',
};

const GOVERNORATE_COLUMNS = (lang: Lang): HxlColumn[] => [
  { header: { ar: 'المحافظة', en: 'Governorate' }, tag: `#adm1+name+i_${lang}`, width: 18 },
  { header: { ar: 'رمز المحافظة (OCHA)', en: 'Governorate p-code (OCHA)' }, tag: '#adm1+code', width: 14 },
];
const NOTE_COLUMN: HxlColumn = { header: { ar: 'ملاحظة', en: 'Note' }, tag: '#description', width: 40 };
const COUNTRY_COLUMN: HxlColumn = { header: { ar: 'رمز البلد', en: 'Country code' }, tag: '#country+code', width: 8 };

/** The governorate cells of a row: name in the file's language, p-code (or our own key), and a note where needed. */
function where(code: string, lang: Lang): { cells: SheetCell[]; note: string | null } {
  const g = findGovernorate(code);
  if (!g) return { cells: [code, code], note: null };
  return { cells: [lang === 'ar' ? g.nameAr : g.nameEn, g.pcode ?? g.code], note: g.pcode ? null : NO_PCODE_NOTE[lang] };
}

function sheetOf(name: string, lang: Lang, columns: HxlColumn[], rows: SheetCell[][]): Sheet {
  return {
    name,
    rightToLeft: lang === 'ar',
    columns: columns.map((c) => ({ header: c.header[lang], width: c.width ?? 18 })),
    // The hashtag row sits right under the header row, as the HXL tagging conventions ask.
    rows: [columns.map((c) => c.tag), ...rows],
  };
}

async function organisationsSheet(db: Db, actor: Actor, lang: Lang): Promise<Sheet> {
  const columns: HxlColumn[] = [
    { header: { ar: 'المنظمة', en: 'Organisation' }, tag: '#org+name', width: 36 },
    { header: { ar: 'الاسم بالحروف اللاتينية', en: 'Latin name' }, tag: '#org+name+i_en', width: 30 },
    { header: { ar: 'النوع', en: 'Type' }, tag: '#org+type', width: 18 },
    COUNTRY_COLUMN,
    ...GOVERNORATE_COLUMNS(lang),
    { header: { ar: 'الهواتف', en: 'Phones' }, tag: '#contact+phone', width: 22 },
    { header: { ar: 'البريد الإلكتروني', en: 'Emails' }, tag: '#contact+email', width: 28 },
    NOTE_COLUMN,
  ];
  const rows: SheetCell[][] = [];
  for (const org of await repo.organisations(db, actor.governorates)) {
    const hidden = hidesRestrictedDetails(actor, org);
    const type = org.kind === 'volunteer_team' ? { ar: 'فريق تطوعي', en: 'Volunteer team' } : SUBTYPE_LABELS[org.subtype ?? 'other'];
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
  return sheetOf(lang === 'ar' ? 'المنظمات' : 'Organisations', lang, columns, rows);
}

async function partnershipsSheet(db: Db, actor: Actor, lang: Lang): Promise<Sheet> {
  const columns: HxlColumn[] = [
    { header: { ar: 'الجهة الحكومية', en: 'Government body' }, tag: '#org+name', width: 36 },
    { header: { ar: 'النوع', en: 'Type' }, tag: '#org+type', width: 14 },
    COUNTRY_COLUMN,
    ...GOVERNORATE_COLUMNS(lang),
    { header: { ar: 'نقاط الاتصال الحالية', en: 'Current focal points' }, tag: '#contact+name', width: 36 },
    { header: { ar: 'تاريخ آخر اتصال', en: 'Last contact date' }, tag: '#date', width: 14 },
    { header: { ar: 'حالة الشراكة', en: 'Partnership status' }, tag: '#status', width: 12 },
    NOTE_COLUMN,
  ];
  const { page } = await findPartnerships(db, actor, {}, { limit: null, offset: 0 });
  const rows: SheetCell[][] = [];
  for (const body of page.items.map(toDto)) {
    for (const code of body.governorates.filter((c) => coversGovernorate(actor, c))) {
      const place = where(code, lang);
      rows.push([
        body.name,
        lang === 'ar' ? 'جهة حكومية' : 'Government',
        'IRQ',
        ...place.cells,
        body.currentFocalPoints.map((f) => f.name).join('; ') || null,
        body.lastContactOn,
        body.status,
        place.note,
      ]);
    }
  }
  return sheetOf(lang === 'ar' ? 'الشراكات الحكومية' : 'Government partnerships', lang, columns, rows);
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
