import type { Kysely } from 'kysely';

// Reference data from shared/governorates.csv, frozen with this migration. Halabja has no ISO 3166-2 code
// and sits inside IQG06 in OCHA data, so it gets the key HALABJA and no p-code.
const ROWS: [string, string | null, string, string, string, boolean][] = [
  ['IQ-AN', 'IQG01', 'Al Anbar', 'الأنبار', 'ئەنبار', false],
  ['IQ-BA', 'IQG02', 'Basrah', 'البصرة', 'بەسرە', false],
  ['IQ-MU', 'IQG03', 'Al Muthanna', 'المثنى', 'موسەنا', false],
  ['IQ-NA', 'IQG04', 'Najaf', 'النجف', 'نەجەف', false],
  ['IQ-QA', 'IQG05', 'Al Qadisiyah', 'القادسية', 'قادسیە', false],
  ['IQ-SU', 'IQG06', 'Sulaymaniyah', 'السليمانية', 'سلێمانی', true],
  ['IQ-BB', 'IQG07', 'Babil', 'بابل', 'بابل', false],
  ['IQ-BG', 'IQG08', 'Baghdad', 'بغداد', 'بەغدا', false],
  ['IQ-DA', 'IQG09', 'Duhok', 'دهوك', 'دهۆک', true],
  ['IQ-DI', 'IQG10', 'Diyala', 'ديالى', 'دیالە', false],
  ['IQ-AR', 'IQG11', 'Erbil', 'أربيل', 'هەولێر', true],
  ['IQ-KA', 'IQG12', 'Karbala', 'كربلاء', 'کەربەلا', false],
  ['IQ-KI', 'IQG13', 'Kirkuk', 'كركوك', 'کەرکووک', false],
  ['IQ-MA', 'IQG14', 'Maysan', 'ميسان', 'مەیسان', false],
  ['IQ-NI', 'IQG15', 'Ninewa', 'نينوى', 'نەینەوا', false],
  ['IQ-SD', 'IQG16', 'Salah al-Din', 'صلاح الدين', 'سەڵاحەدین', false],
  ['IQ-DQ', 'IQG17', 'Dhi Qar', 'ذي قار', 'زیقار', false],
  ['IQ-WA', 'IQG18', 'Wasit', 'واسط', 'واسیت', false],
  ['HALABJA', null, 'Halabja', 'حلبجة', 'هەڵەبجە', true],
];

export async function up(db: Kysely<any>): Promise<void> {
  await db
    .insertInto('governorate')
    .values(
      ROWS.map(([code, pcode, nameEn, nameAr, nameKu, kurdistanRegion], index) => ({
        code,
        pcode,
        name_en: nameEn,
        name_ar: nameAr,
        name_ku: nameKu,
        kurdistan_region: kurdistanRegion,
        sort_order: index + 1,
      })),
    )
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('contact_governorate').execute();
  await db.deleteFrom('governorate').execute();
}
