import { GENDER_LABELS, KIND_LABELS } from '../../domain/contact-labels.js';
import type { EventType } from '../../domain/events/vocabulary.js';
import { findGovernorate, governorateNameIn } from '../../domain/governorates.js';
import { isRightToLeft, type Language } from '../../domain/language.js';
import type { Sheet, SheetCell } from '../../spreadsheets/table.js';
import type { ReportDto } from './programme-report.schemas.js';

/**
 * The donor report as a workbook, one sheet per table of the report page, numbers as numbers (a donor's spreadsheet
 * sums them), Arabic names as stored, right to left in Arabic.
 */
type Lang = Language;
type Words = Record<Lang, string>;

const W = {
  summary: { ar: 'الملخص', en: 'Summary', ku: 'پوختە' },
  attendance: { ar: 'الحضور', en: 'Attendance', ku: 'ئامادەبوون' },
  events: { ar: 'الفعاليات', en: 'Events', ku: 'چالاکییەکان' },
  bodies: { ar: 'الجهات الحكومية', en: 'Government bodies', ku: 'دامەزراوە حکومییەکان' },
  activists: { ar: 'الناشطون الجدد', en: 'New activists', ku: 'چالاکوانە نوێیەکان' },
  item: { ar: 'البند', en: 'Item', ku: 'بڕگە' },
  value: { ar: 'القيمة', en: 'Value', ku: 'بەها' },
  programme: { ar: 'البرنامج', en: 'Programme', ku: 'بەرنامە' },
  from: { ar: 'من', en: 'From', ku: 'لە' },
  to: { ar: 'إلى', en: 'To', ku: 'تا' },
  scope: { ar: 'المحافظات المشمولة', en: 'Governorates covered', ku: 'پارێزگا گرتنەخۆکراوەکان' },
  allGovernorates: { ar: 'كل المحافظات', en: 'All governorates', ku: 'هەموو پارێزگاکان' },
  reached: {
    ar: 'الأشخاص الذين وصل إليهم البرنامج (كل شخص مرة واحدة)',
    en: 'People reached (each counted once)',
    ku: 'ئەو کەسانەی بەرنامە پێیان گەیشتووە (هەر کەسێک یەک جار)',
  },
  attendees: { ar: 'حضروا فعاليات', en: 'Attended events', ku: 'ئامادەی چالاکییەکان بوون' },
  listed: { ar: 'مسجلون مشاركين أو مستفيدين', en: 'Listed as participants or beneficiaries', ku: 'وەک بەشداربوو یان سوودمەند تۆمارکراون' },
  unnamed: {
    ar: 'حضور منظمات دون تسمية ممثلها',
    en: 'Organisations checked in without naming who came',
    ku: 'ئامادەبوونی ڕێکخراو بێ ناوی نوێنەرەکەی',
  },
  eventsHeld: { ar: 'الفعاليات المنعقدة', en: 'Events held', ku: 'چالاکییە ئەنجامدراوەکان' },
  governorate: { ar: 'المحافظة', en: 'Governorate', ku: 'پارێزگا' },
  pcode: { ar: 'رمز المحافظة (OCHA)', en: 'P-code (OCHA)', ku: 'کۆدی پارێزگا (OCHA)' },
  kind: { ar: 'الفئة', en: 'Kind', ku: 'جۆر' },
  female: GENDER_LABELS.female,
  male: GENDER_LABELS.male,
  unknown: { ar: 'غير محدد', en: 'Not recorded', ku: 'دیارینەکراو' },
  total: { ar: 'المجموع', en: 'Total', ku: 'کۆ' },
  checkIns: { ar: 'مرات الحضور', en: 'Check-ins', ku: 'جارەکانی ئامادەبوون' },
  all: { ar: 'الكل', en: 'All', ku: 'هەموو' },
  none: { ar: 'بلا محافظة', en: 'No governorate', ku: 'بێ پارێزگا' },
  title: { ar: 'الفعالية', en: 'Event', ku: 'چالاکی' },
  type: { ar: 'النوع', en: 'Type', ku: 'جۆر' },
  startsOn: { ar: 'تاريخ البدء', en: 'Start date', ku: 'بەرواری دەستپێک' },
  endsOn: { ar: 'تاريخ الانتهاء', en: 'End date', ku: 'بەرواری کۆتایی' },
  name: { ar: 'الاسم', en: 'Name', ku: 'ناو' },
  governorates: { ar: 'المحافظات', en: 'Governorates', ku: 'پارێزگاکان' },
  eventCount: { ar: 'عدد الفعاليات', en: 'Events', ku: 'ژمارەی چالاکییەکان' },
  interactionCount: { ar: 'عدد التواصلات', en: 'Interactions', ku: 'ژمارەی پەیوەندییەکان' },
  gender: { ar: 'الجنس', en: 'Gender', ku: 'ڕەگەز' },
  firstOn: { ar: 'أول حضور في البرنامج', en: 'First attendance in the programme', ku: 'یەکەم ئامادەبوون لە بەرنامەکەدا' },
} satisfies Record<string, Words>;

export const EVENT_TYPE_LABELS: Record<EventType, Words> = {
  workshop: { ar: 'ورشة عمل', en: 'Workshop', ku: 'وۆرکشۆپ' },
  dialogue_session: { ar: 'جلسة حوارية', en: 'Dialogue session', ku: 'دانیشتنی گفتوگۆ' },
  closing_session: { ar: 'جلسة ختامية', en: 'Closing session', ku: 'دانیشتنی کۆتایی' },
  training: { ar: 'تدريب', en: 'Training', ku: 'ڕاهێنان' },
  other: { ar: 'أخرى', en: 'Other', ku: 'هیتر' },
};

const governorateName = (code: string | null, lang: Lang) => {
  if (code === null) return W.none[lang];
  const g = findGovernorate(code);
  return g ? governorateNameIn(g, lang) : code;
};
const pcode = (code: string | null) => (code === null ? null : (findGovernorate(code)?.pcode ?? code));
const counts = (p: { female: number; male: number; unknown: number; total: number }): SheetCell[] => [p.female, p.male, p.unknown, p.total];
const genderColumns = (lang: Lang) => [W.female, W.male, W.unknown, W.total].map((w) => ({ header: w[lang], width: 10 }));

export function reportSheets(report: ReportDto, lang: Lang): Sheet[] {
  const rightToLeft = isRightToLeft(lang);
  const name = (lang === 'en' && report.programme.nameEn) || (lang === 'ku' && report.programme.nameKu) || report.programme.nameAr;
  const scope =
    report.scope.governorates?.map((g) => governorateName(g, lang)).join(lang === 'en' ? ', ' : '، ') ?? W.allGovernorates[lang];
  const summary: Sheet = {
    name: W.summary[lang],
    rightToLeft,
    columns: [
      { header: W.item[lang], width: 48 },
      { header: W.value[lang], width: 40 },
    ],
    rows: [
      [W.programme[lang], name],
      [W.from[lang], report.period.from],
      [W.to[lang], report.period.to],
      [W.scope[lang], scope],
      [W.reached[lang], report.reached.total],
      [W.attendees[lang], report.reached.attendees],
      [W.listed[lang], report.reached.listed],
      [W.unnamed[lang], report.reached.unnamedRepresentatives],
      [W.eventsHeld[lang], report.events.length],
      [W.bodies[lang], report.governmentBodies.length],
      [W.activists[lang], report.newActivists.count],
    ],
  };
  const { attendance } = report;
  const attendanceSheet: Sheet = {
    name: W.attendance[lang],
    rightToLeft,
    columns: [
      { header: W.governorate[lang], width: 18 },
      { header: W.pcode[lang], width: 12 },
      { header: W.kind[lang], width: 22 },
      ...genderColumns(lang),
      { header: W.checkIns[lang], width: 12 },
    ],
    rows: [
      ...attendance.rows.map((r) => [
        governorateName(r.governorate, lang),
        pcode(r.governorate),
        KIND_LABELS[r.kind][lang],
        ...counts(r.people),
        r.attendances,
      ]),
      ...attendance.byGovernorate.map((r) => [
        governorateName(r.governorate, lang),
        pcode(r.governorate),
        W.all[lang],
        ...counts(r.people),
        r.attendances,
      ]),
      ...attendance.byKind.map((r) => [W.all[lang], null, KIND_LABELS[r.kind][lang], ...counts(r.people), r.attendances]),
      [W.total[lang], null, W.all[lang], ...counts(attendance.total.people), attendance.total.attendances],
    ],
  };
  const events: Sheet = {
    name: W.events[lang],
    rightToLeft,
    columns: [
      { header: W.title[lang], width: 40 },
      { header: W.type[lang], width: 16 },
      { header: W.startsOn[lang], width: 12, date: true },
      { header: W.endsOn[lang], width: 12, date: true },
      { header: W.governorate[lang], width: 16 },
      ...genderColumns(lang),
    ],
    rows: report.events.map((e) => [
      e.title,
      EVENT_TYPE_LABELS[e.type][lang],
      e.startsOn,
      e.endsOn,
      governorateName(e.governorate, lang),
      ...counts(e.people),
    ]),
  };
  const bodies: Sheet = {
    name: W.bodies[lang],
    rightToLeft,
    columns: [
      { header: W.name[lang], width: 40 },
      { header: W.governorates[lang], width: 24 },
      { header: W.eventCount[lang], width: 12 },
      { header: W.interactionCount[lang], width: 12 },
    ],
    rows: report.governmentBodies.map((b) => [
      b.name,
      b.governorates.map((g) => governorateName(g, lang)).join(lang === 'en' ? ', ' : '، '),
      b.events,
      b.interactions,
    ]),
  };
  const activists: Sheet = {
    name: W.activists[lang],
    rightToLeft,
    columns: [
      { header: W.name[lang], width: 36 },
      { header: W.gender[lang], width: 12 },
      { header: W.firstOn[lang], width: 16, date: true },
    ],
    rows: report.newActivists.items.map((a) => [a.name, a.gender ? GENDER_LABELS[a.gender][lang] : W.unknown[lang], a.firstOn]),
  };
  return [summary, attendanceSheet, events, bodies, activists];
}
