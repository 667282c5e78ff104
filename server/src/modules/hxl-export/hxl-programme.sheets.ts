import type { Db } from '../../db/database.js';
import type { Actor } from '../../access/actor.js';
import { hidesRestrictedDetails } from '../../access/restricted-details.js';
import { coversGovernorate } from '../../access/actor-access.js';
import { KIND_LABELS, SUBTYPE_LABELS } from '../../domain/contact-labels.js';
import { isPersonKind } from '../../domain/contact-kinds.js';
import type { Sheet, SheetCell } from '../../spreadsheets/table.js';
import * as activitiesRepo from '../programme-report/programme-activities.repository.js';
import type { ReportProgramme } from '../programme-report/programme-report.service.js';
import type { ReportScope } from '../programme-report/report-attendance.sql.js';
import * as repo from './hxl-export.repository.js';
import { COUNTRY_COLUMN, GOVERNORATE_COLUMNS, NOTE_COLUMN, sheetOf, where, type HxlColumn, type HxlLang } from './hxl-sheet.js';

/** The directory, a programme's activities and its 3W, each with an HXL hashtag row (docs/api-hxl.md). */

const REACHED_COLUMNS: HxlColumn[] = [
  { header: { ar: 'الإناث', en: 'Female reached', ku: 'مێی گەیشتوو' }, tag: '#reached+f', width: 10 },
  { header: { ar: 'الذكور', en: 'Male reached', ku: 'نێری گەیشتوو' }, tag: '#reached+m', width: 10 },
  { header: { ar: 'جنس غير مسجل', en: 'Gender not recorded', ku: 'ڕەگەز تۆمارنەکراو' }, tag: '#reached+unknown', width: 10 },
  { header: { ar: 'المجموع', en: 'Total reached', ku: 'کۆی گەیشتوو' }, tag: '#reached', width: 10 },
];
const reachedCells = (r: { female: number; male: number; unknown: number; total: number }): SheetCell[] => [
  r.female,
  r.male,
  r.unknown,
  r.total,
];

const NOT_SET: Record<HxlLang, string> = { ar: 'غير محدد', en: 'Not set', ku: 'دیارینەکراو' };
const programmeName = (p: ReportProgramme, lang: HxlLang) => (lang === 'en' && p.nameEn) || (lang === 'ku' && p.nameKu) || p.nameAr;

/** People, organisations and teams the caller sees, one row per governorate they cover; restricted details masked. */
export async function contactsSheet(db: Db, actor: Actor, lang: HxlLang): Promise<Sheet> {
  const columns: HxlColumn[] = [
    { header: { ar: 'الاسم', en: 'Name', ku: 'ناو' }, tag: '#contact+name', width: 30 },
    { header: { ar: 'الفئة', en: 'Kind', ku: 'جۆر' }, tag: '#contact+type', width: 20 },
    { header: { ar: 'المنظمة', en: 'Organisation', ku: 'ڕێکخراو' }, tag: '#org+name', width: 30 },
    { header: { ar: 'نوع المنظمة', en: 'Organisation type', ku: 'جۆری ڕێکخراو' }, tag: '#org+type', width: 18 },
    COUNTRY_COLUMN,
    ...GOVERNORATE_COLUMNS(lang),
    { header: { ar: 'الهواتف', en: 'Phones', ku: 'تەلەفۆنەکان' }, tag: '#contact+phone', width: 22 },
    { header: { ar: 'البريد الإلكتروني', en: 'Emails', ku: 'ئیمەیڵەکان' }, tag: '#contact+email', width: 28 },
    { header: { ar: 'المعرّف', en: 'Identifier', ku: 'ناسنامە' }, tag: '#meta+id', width: 36 },
    NOTE_COLUMN,
  ];
  const rows: SheetCell[][] = [];
  for (const c of await repo.directory(db, actor.governorates)) {
    const hidden = hidesRestrictedDetails(actor, c);
    const person = isPersonKind(c.kind);
    // An organisation is its own #org; a person's #org is where they hold their current position.
    const orgName = person ? c.organisation_name : c.name;
    const orgSubtype = person ? c.organisation_subtype : c.kind === 'organization' ? (c.subtype ?? 'other') : null;
    const orgType = c.kind === 'volunteer_team' ? KIND_LABELS.volunteer_team[lang] : orgSubtype ? SUBTYPE_LABELS[orgSubtype][lang] : null;
    for (const code of c.governorates.filter((g) => coversGovernorate(actor, g))) {
      const place = where(code, lang);
      rows.push([
        c.name,
        KIND_LABELS[c.kind][lang],
        orgName,
        orgType,
        'IRQ',
        ...place.cells,
        hidden ? null : c.phones.join(', ') || null,
        hidden ? null : c.emails.join(', ') || null,
        c.id,
        place.note,
      ]);
    }
  }
  return sheetOf({ ar: 'الدليل', en: 'Directory', ku: 'ڕێبەر' }[lang], lang, columns, rows);
}

/** One row per event of the programme in the period, with where, when, who ran it and the people reached. */
export async function activitiesSheet(db: Db, programme: ReportProgramme, scope: ReportScope, lang: HxlLang): Promise<Sheet> {
  const columns: HxlColumn[] = [
    { header: { ar: 'النشاط', en: 'Activity', ku: 'چالاکی' }, tag: '#activity+name', width: 36 },
    { header: { ar: 'البرنامج', en: 'Programme', ku: 'بەرنامە' }, tag: '#activity+programme+name', width: 30 },
    { header: { ar: 'القطاع', en: 'Sector', ku: 'کەرت' }, tag: '#sector+name', width: 16 },
    { header: { ar: 'الجهة المنفذة', en: 'Implementing organisation', ku: 'لایەنی جێبەجێکار' }, tag: '#org+impl+name', width: 30 },
    { header: { ar: 'الجهة المانحة', en: 'Donor', ku: 'بەخشەر' }, tag: '#org+funder+name', width: 30 },
    { header: { ar: 'تاريخ البدء', en: 'Start date', ku: 'بەرواری دەستپێک' }, tag: '#date+start', width: 12, date: true },
    { header: { ar: 'تاريخ الانتهاء', en: 'End date', ku: 'بەرواری کۆتایی' }, tag: '#date+end', width: 12, date: true },
    COUNTRY_COLUMN,
    ...GOVERNORATE_COLUMNS(lang),
    ...REACHED_COLUMNS,
    { header: { ar: 'المعرّف', en: 'Identifier', ku: 'ناسنامە' }, tag: '#meta+id', width: 36 },
    NOTE_COLUMN,
  ];
  const donors = (await activitiesRepo.donorNames(db, programme.id)).join('; ') || null;
  const rows = (await activitiesRepo.activities(db, scope)).map((a): SheetCell[] => {
    const place = where(a.governorate, lang);
    return [
      a.title,
      programmeName(programme, lang),
      programme.sector ?? NOT_SET[lang],
      a.organisers.join('; ') || null,
      donors,
      a.startsOn,
      a.endsOn,
      'IRQ',
      ...place.cells,
      ...reachedCells(a),
      a.id,
      place.note,
    ];
  });
  return sheetOf({ ar: 'أنشطة البرنامج', en: 'Programme activities', ku: 'چالاکییەکانی بەرنامە' }[lang], lang, columns, rows);
}

/** Who does what where: organisation × governorate, the programme's sector, the period, people reached once per row. */
export async function threeWSheet(db: Db, programme: ReportProgramme, scope: ReportScope, lang: HxlLang): Promise<Sheet> {
  const columns: HxlColumn[] = [
    { header: { ar: 'الجهة المنفذة', en: 'Implementing organisation', ku: 'لایەنی جێبەجێکار' }, tag: '#org+impl+name', width: 30 },
    { header: { ar: 'الجهة المانحة', en: 'Donor', ku: 'بەخشەر' }, tag: '#org+funder+name', width: 30 },
    { header: { ar: 'القطاع', en: 'Sector', ku: 'کەرت' }, tag: '#sector+name', width: 16 },
    { header: { ar: 'البرنامج', en: 'Programme', ku: 'بەرنامە' }, tag: '#activity+programme+name', width: 30 },
    COUNTRY_COLUMN,
    ...GOVERNORATE_COLUMNS(lang),
    { header: { ar: 'من', en: 'From', ku: 'لە' }, tag: '#date+start', width: 12, date: true },
    { header: { ar: 'إلى', en: 'To', ku: 'تا' }, tag: '#date+end', width: 12, date: true },
    ...REACHED_COLUMNS,
    NOTE_COLUMN,
  ];
  const donors = (await activitiesRepo.donorNames(db, programme.id)).join('; ') || null;
  const rows = (await activitiesRepo.threeW(db, scope)).map((r): SheetCell[] => {
    const place = where(r.governorate, lang);
    return [
      r.organisation,
      donors,
      programme.sector ?? NOT_SET[lang],
      programmeName(programme, lang),
      'IRQ',
      ...place.cells,
      r.firstOn,
      r.lastOn,
      ...reachedCells(r),
      place.note,
    ];
  });
  return sheetOf('3W', lang, columns, rows);
}
