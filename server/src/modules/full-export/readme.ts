import type { Language } from '../../domain/language.js';
import { CONSENT_SCOPES } from '../../domain/consent.js';
import { EXPORT_TABLES, columnName } from './export-tables.js';

const ROWS: Record<Language, (n: number) => string> = { ar: (n) => `${n} صف`, en: (n) => `${n} rows`, ku: (n) => `${n} ڕیز` };

/** README.txt of the full export: what each file is and its columns, in Arabic, then in English, then in Sorani Kurdish. */
export function readmeText(at: Date, counts: Record<string, number>): string {
  const files = (lang: Language) =>
    EXPORT_TABLES.map((spec) => {
      const columns = [...spec.columns.map(columnName), ...(spec.file === 'contacts' ? CONSENT_SCOPES.map((s) => `consent_${s}`) : [])];
      const rows = ROWS[lang](counts[spec.file] ?? 0);
      return `${spec.file}.csv (${rows})\n  ${spec.about[lang]}\n  ${columns.join(', ')}`;
    }).join('\n\n');
  // A byte order mark and CRLF so Windows Notepad shows the Arabic and the line breaks.
  return (
    '\uFEFF' +
    [
      'دليل الشركاء — التصدير الكامل',
      `أُنشئ في ${at.toISOString()} (UTC).`,
      '',
      'ملفات CSV بترميز UTF-8 مع BOM (يفتحها Excel بالعربية)، ملف لكل جدول، ونفس الجداول أوراقاً في everything.xlsx.',
      'المعرّفات (id و *_id) تربط الملفات ببعضها: مثلاً positions.person_id ← contacts.id. التواريخ بصيغة YYYY-MM-DD والأوقات ISO 8601.',
      'القوائم (الهواتف، البريد، الوسوم، المحافظات، نطاقات الموافقة) مفصولة بفاصلة منقوطة. الهواتف نص بصيغة E.164، وقد تبدأ خلية الهاتف في CSV بمسافة جدولة غير مرئية كي لا يحوّلها Excel إلى رقم.',
      'أعمدة consent_* في contacts: آخر حالة موافقة لكل نطاق (yes نعم، no لا، unknown غير معروف) حسب أحدث سجل يذكر النطاق.',
      'هذا الملف فيه بيانات شخصية، ومنها بيانات جهات مقيَّدة: احفظه بأمان واحذفه عند انتهاء الحاجة إليه.',
      '',
      files('ar'),
      '',
      '────────────────────────────────────────',
      '',
      'Stakeholder directory — full export',
      `Made at ${at.toISOString()} (UTC).`,
      '',
      'CSV files in UTF-8 with a byte order mark (so Excel shows Arabic), one per table, and the same tables as sheets of everything.xlsx.',
      'The ids (id and *_id columns) join the files: e.g. positions.person_id → contacts.id. Dates are YYYY-MM-DD, times ISO 8601.',
      'Lists (phones, emails, tags, governorates, consent scopes) are separated by semicolons. Phones are text in E.164; in the CSV a phone cell may start with an invisible tab so Excel keeps it as text.',
      'consent_* columns in contacts: the current consent per scope (yes, no, unknown), from the newest record naming that scope.',
      'This file holds personal data, restricted contacts included: keep it safe and delete it when it is no longer needed.',
      '',
      files('en'),
      '',
      '────────────────────────────────────────',
      '',
      'ڕێبەری هاوبەشان — هەناردەی تەواو',
      `دروستکراوە لە ${at.toISOString()} (UTC).`,
      '',
      'فایلەکانی CSV بە کۆدکردنی UTF-8 لەگەڵ BOM (Excel بە عەرەبی و کوردی دەیانکاتەوە)، فایلێک بۆ هەر خشتەیەک، و هەمان خشتەکان وەک پەڕە لە everything.xlsx دا.',
      'ناسنامەکان (id و *_id) فایلەکان بەیەکەوە دەبەستنەوە: بۆ نموونە positions.person_id ← contacts.id. بەروارەکان بە شێوەی YYYY-MM-DD و کاتەکان ISO 8601.',
      'لیستەکان (تەلەفۆن، ئیمەیڵ، تاگ، پارێزگا، بوارەکانی ڕەزامەندی) بە خاڵبۆر جیا کراونەتەوە. تەلەفۆنەکان دەقن بە شێوەی E.164، و لەوانەیە خانەی تەلەفۆن لە CSV دا بە بۆشایی تابێکی نەبینراو دەست پێ بکات بۆ ئەوەی Excel نەیکات بە ژمارە.',
      'ستوونەکانی consent_* لە contacts دا: دوایین دۆخی ڕەزامەندی بۆ هەر بوارێک (yes بەڵێ، no نەخێر، unknown نەزانراو) بەپێی نوێترین تۆمار کە ئەو بوارە دەناسێنێت.',
      'ئەم فایلە زانیاریی کەسیی تێدایە، لەوانە زانیاریی پەیوەندیکارە سنووردارەکان: بە سەلامەتی بیپارێزە و کاتێک پێویستت پێی نەما بیسڕەوە.',
      '',
      files('ku'),
      '',
    ]
      .join('\n')
      .replace(/\n/g, '\r\n')
  );
}
