import type { Db } from '../../db/database.js';
import type { Actor } from '../../access/actor.js';
import { findGovernorate, governorateNameIn } from '../../domain/governorates.js';
import { isRightToLeft, type Language } from '../../domain/language.js';
import type { PartnershipStatus } from '../../domain/partnerships/status.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { Sheet, SpreadsheetFormat } from '../../spreadsheets/table.js';
import { findPartnerships, toDto } from './partnerships.service.js';
import type { ExportPartnershipsFilter, PartnershipDto } from './partnerships.schemas.js';

type Lang = Language;

const WORDS: Record<
  Lang,
  {
    sheet: string;
    periodSheet: string;
    columns: string[];
    status: Record<PartnershipStatus, string>;
    kinds: Record<string, string>;
    listSeparator: string;
    about: [string, string];
    facts: { reportDate: string; from: string; to: string; activeDays: string; coolingDays: string; filters: string; rows: string };
  }
> = {
  ar: {
    sheet: 'الشراكات الحكومية',
    periodSheet: 'الفترة',
    columns: [
      'الجهة الحكومية',
      'المحافظات',
      'نقاط الاتصال الحالية',
      'تاريخ آخر تواصل مسجّل',
      'نوع آخر تواصل',
      'تاريخ آخر اتصال',
      'أيام منذ آخر اتصال',
      'التواصلات في الفترة',
      'حضور الفعاليات في الفترة',
      'الحالة',
    ],
    status: { active: 'نشطة', cooling: 'فاترة', dormant: 'خاملة', vacant: 'شاغرة' },
    kinds: { meeting: 'اجتماع', call: 'مكالمة', visit: 'زيارة', message: 'رسالة', other: 'أخرى' },
    listSeparator: '، ',
    about: ['البند', 'القيمة'],
    facts: {
      reportDate: 'تاريخ التقرير',
      from: 'من',
      to: 'إلى',
      activeDays: 'نشطة حتى (أيام)',
      coolingDays: 'فاترة حتى (أيام)',
      filters: 'المرشحات',
      rows: 'عدد الصفوف',
    },
  },
  en: {
    sheet: 'Government partnerships',
    periodSheet: 'Period',
    columns: [
      'Government body',
      'Governorates',
      'Current focal points',
      'Last interaction date',
      'Last interaction kind',
      'Last contact date',
      'Days since last contact',
      'Interactions in period',
      'Event attendances in period',
      'Status',
    ],
    status: { active: 'Active', cooling: 'Cooling', dormant: 'Dormant', vacant: 'Vacant' },
    kinds: { meeting: 'Meeting', call: 'Call', visit: 'Visit', message: 'Message', other: 'Other' },
    listSeparator: ', ',
    about: ['Item', 'Value'],
    facts: {
      reportDate: 'Report date',
      from: 'From',
      to: 'To',
      activeDays: 'Active up to (days)',
      coolingDays: 'Cooling up to (days)',
      filters: 'Filters',
      rows: 'Rows',
    },
  },
  ku: {
    sheet: 'هاوبەشییە حکومییەکان',
    periodSheet: 'ماوە',
    columns: [
      'دەزگای حکومی',
      'پارێزگاکان',
      'خاڵەکانی پەیوەندیی ئێستا',
      'بەرواری دوایین کارلێکی تۆمارکراو',
      'جۆری دوایین کارلێک',
      'بەرواری دوایین پەیوەندی',
      'ڕۆژ لە دوایین پەیوەندییەوە',
      'کارلێکەکان لە ماوەکەدا',
      'ئامادەبوون لە چالاکییەکاندا لە ماوەکەدا',
      'دۆخ',
    ],
    status: { active: 'چالاک', cooling: 'سارد', dormant: 'خامۆش', vacant: 'بەتاڵ' },
    kinds: { meeting: 'کۆبوونەوە', call: 'پەیوەندیی تەلەفۆنی', visit: 'سەردان', message: 'نامە', other: 'هیتر' },
    listSeparator: '، ',
    about: ['بڕگە', 'بەها'],
    facts: {
      reportDate: 'بەرواری ڕاپۆرت',
      from: 'لە',
      to: 'بۆ',
      activeDays: 'چالاک تا (ڕۆژ)',
      coolingDays: 'سارد تا (ڕۆژ)',
      filters: 'فلتەرەکان',
      rows: 'ژمارەی ڕیزەکان',
    },
  },
};

function row(p: PartnershipDto, lang: Lang): (string | number | null)[] {
  const w = WORDS[lang];
  const governorates = p.governorates.map((code) => {
    const g = findGovernorate(code);
    return g ? governorateNameIn(g, lang) : code;
  });
  const focalPoints = p.currentFocalPoints.map((f) => `${f.name} – ${f.title}${f.since ? ` (${f.since})` : ''}`);
  return [
    p.name,
    governorates.join(w.listSeparator),
    focalPoints.join('; '),
    p.lastInteraction?.date ?? null,
    p.lastInteraction ? (w.kinds[p.lastInteraction.kind] ?? p.lastInteraction.kind) : null,
    p.lastContactOn,
    p.daysSinceLastContact,
    p.interactionCount,
    p.eventAttendanceCount,
    w.status[p.status],
  ];
}

/** The partnerships table as a file, with the period and filters on a second sheet; audited in the same transaction. */
export async function exportPartnerships(
  db: Db,
  actor: Actor,
  filter: ExportPartnershipsFilter,
): Promise<{ format: SpreadsheetFormat; baseName: string; sheets: Sheet[] }> {
  const { format, lang: requested, ...filters } = filter;
  const lang = requested ?? 'ar';
  const w = WORDS[lang];
  return db.transaction().execute(async (trx) => {
    const { context, page } = await findPartnerships(trx, actor, filters, { limit: null, offset: 0 });
    const items = page.items.map(toDto);
    await recordAudit(trx, {
      userId: actor.id,
      action: 'export',
      entityType: 'partnership',
      entityId: null,
      details: { format, lang, rows: items.length, filters: { ...filters, from: context.period.from, to: context.period.to } },
    });
    const filterText = Object.entries(filters)
      .filter(([, value]) => value !== undefined && value !== '')
      .map(([key, value]) => `${key}=${String(value)}`)
      .join('; ');
    const sheets: Sheet[] = [
      {
        name: w.sheet,
        rightToLeft: isRightToLeft(lang),
        columns: w.columns.map((header, i) => ({ header, width: i === 0 || i === 2 ? 40 : 18 })),
        rows: items.map((p) => row(p, lang)),
      },
      {
        name: w.periodSheet,
        rightToLeft: isRightToLeft(lang),
        columns: w.about.map((header) => ({ header, width: 28 })),
        rows: [
          [w.facts.reportDate, context.asOf],
          [w.facts.from, context.period.from],
          [w.facts.to, context.period.to],
          [w.facts.activeDays, context.thresholds.activeDays],
          [w.facts.coolingDays, context.thresholds.coolingDays],
          [w.facts.filters, filterText],
          [w.facts.rows, items.length],
        ],
      },
    ];
    return { format, baseName: `partnerships-${context.period.to}`, sheets };
  });
}
