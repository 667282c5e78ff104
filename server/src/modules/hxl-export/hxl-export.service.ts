import type { Db } from '../../db/database.js';
import type { Actor } from '../../access/actor.js';
import { hidesRestrictedDetails, seesRestrictedDetails } from '../../access/restricted-details.js';
import { invalid } from '../../errors.js';
import { reportScope, type ReportProgramme } from '../programme-report/programme-report.service.js';
import type { ReportScope } from '../programme-report/report-attendance.sql.js';
import { activitiesSheet, contactsSheet, threeWSheet } from './hxl-programme.sheets.js';
import { coversGovernorate } from '../../access/actor-access.js';
import { KIND_LABELS, SUBTYPE_LABELS } from '../../domain/contact-labels.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { Sheet, SheetCell, SpreadsheetFormat } from '../../spreadsheets/table.js';
import { COUNTRY_COLUMN, GOVERNORATE_COLUMNS, NOTE_COLUMN, sheetOf, where, type HxlColumn, type HxlLang } from './hxl-sheet.js';
import { findPartnerships, toDto } from '../partnerships/partnerships.service.js';
import * as repo from './hxl-export.repository.js';
import type { HxlDataset, HxlExportFilter, ThreeWFilter } from './hxl-export.schemas.js';

type Lang = HxlLang;

const SHEET_NAMES: Record<'organisations' | 'partnerships', Record<Lang, string>> = {
  organisations: { ar: 'المنظمات', en: 'Organisations', ku: 'ڕێکخراوەکان' },
  partnerships: { ar: 'الشراكات الحكومية', en: 'Government partnerships', ku: 'هاوبەشییە حکومییەکان' },
};
const GOVERNMENT: Record<Lang, string> = { ar: 'جهة حكومية', en: 'Government', ku: 'حکومی' };

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

type DirectoryDataset = Exclude<HxlDataset, 'activities'>;
const SHEETS: Record<DirectoryDataset, (db: Db, actor: Actor, lang: Lang) => Promise<Sheet>> = {
  organisations: organisationsSheet,
  partnerships: partnershipsSheet,
  contacts: contactsSheet,
};

interface HxlFile {
  format: SpreadsheetFormat;
  baseName: string;
  sheets: Sheet[];
}

/** A dataset with its HXL hashtag row, for partners' and clusters' tools; audited like every export. */
export async function exportHxl(db: Db, actor: Actor, filter: HxlExportFilter): Promise<HxlFile> {
  const format = filter.format ?? 'csv';
  const lang = filter.lang ?? 'ar';
  const dataset = filter.dataset;
  if (dataset === 'activities') {
    if (!filter.programme) throw invalid([{ field: 'programme', code: 'REQUIRED', message: 'dataset=activities needs a programme' }]);
    return exportProgramme(db, actor, { ...filter, programme: filter.programme }, 'activities', activitiesSheet);
  }
  return db.transaction().execute(async (trx) => {
    const sheet = await SHEETS[dataset](trx, actor, lang);
    await recordAudit(trx, {
      userId: actor.id,
      action: 'export',
      entityType: dataset === 'partnerships' ? 'partnership' : 'directory',
      entityId: null,
      details: {
        format,
        lang,
        hxl: true,
        dataset,
        rows: sheet.rows.length - 1,
        ...(dataset === 'contacts' ? { restrictedMasked: !seesRestrictedDetails(actor) } : {}),
      },
    });
    return { format, baseName: `hxl-${dataset}`, sheets: [sheet] };
  });
}

/** The 3W of a programme (who does what where), CSV or XLSX with its HXL row; audited. */
export const export3w = (db: Db, actor: Actor, filter: ThreeWFilter) => exportProgramme(db, actor, filter, '3w', threeWSheet);

/** A programme's sheet for the period, after the donor report's access checks (visible programme, scope, period). */
async function exportProgramme(
  db: Db,
  actor: Actor,
  filter: ThreeWFilter,
  dataset: 'activities' | '3w',
  build: (db: Db, programme: ReportProgramme, scope: ReportScope, lang: Lang) => Promise<Sheet>,
): Promise<HxlFile> {
  const format = filter.format ?? 'csv';
  const lang = filter.lang ?? 'ar';
  return db.transaction().execute(async (trx) => {
    const { programme, scope } = await reportScope(trx, actor, filter.programme, filter);
    const sheet = await build(trx, programme, scope, lang);
    await recordAudit(trx, {
      userId: actor.id,
      action: 'export',
      entityType: 'programme',
      entityId: programme.id,
      details: {
        format,
        lang,
        hxl: true,
        dataset,
        from: scope.period.from,
        to: scope.period.to,
        governorates: scope.governorates,
        rows: sheet.rows.length - 1,
      },
    });
    const baseName = `${dataset === '3w' ? '3w' : 'hxl-activities'}-${scope.period.from}_${scope.period.to}`;
    return { format, baseName, sheets: [sheet] };
  });
}
