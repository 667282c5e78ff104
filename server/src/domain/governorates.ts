import type { Language } from './language.js';

/**
 * Iraq's governorates: the 18 with an ISO 3166-2 code, plus Halabja, which has no ISO code
 * and lies inside IQG06 in OCHA data, so it gets a key of its own ("HALABJA").
 * Kurdish names are a best effort and still need a native speaker's check.
 * The migration that loads the governorate table holds its own frozen copy of this list.
 */
export interface Governorate {
  code: string;
  pcode: string | null;
  nameEn: string;
  nameAr: string;
  nameKu: string;
  kurdistanRegion: boolean;
}

export const HALABJA_CODE = 'HALABJA';

export const GOVERNORATES: readonly Governorate[] = [
  { code: 'IQ-AN', pcode: 'IQG01', nameEn: 'Al Anbar', nameAr: 'الأنبار', nameKu: 'ئەنبار', kurdistanRegion: false },
  { code: 'IQ-BA', pcode: 'IQG02', nameEn: 'Basrah', nameAr: 'البصرة', nameKu: 'بەسرە', kurdistanRegion: false },
  { code: 'IQ-MU', pcode: 'IQG03', nameEn: 'Al Muthanna', nameAr: 'المثنى', nameKu: 'موسەنا', kurdistanRegion: false },
  { code: 'IQ-NA', pcode: 'IQG04', nameEn: 'Najaf', nameAr: 'النجف', nameKu: 'نەجەف', kurdistanRegion: false },
  { code: 'IQ-QA', pcode: 'IQG05', nameEn: 'Al Qadisiyah', nameAr: 'القادسية', nameKu: 'قادسیە', kurdistanRegion: false },
  { code: 'IQ-SU', pcode: 'IQG06', nameEn: 'Sulaymaniyah', nameAr: 'السليمانية', nameKu: 'سلێمانی', kurdistanRegion: true },
  { code: 'IQ-BB', pcode: 'IQG07', nameEn: 'Babil', nameAr: 'بابل', nameKu: 'بابل', kurdistanRegion: false },
  { code: 'IQ-BG', pcode: 'IQG08', nameEn: 'Baghdad', nameAr: 'بغداد', nameKu: 'بەغدا', kurdistanRegion: false },
  { code: 'IQ-DA', pcode: 'IQG09', nameEn: 'Duhok', nameAr: 'دهوك', nameKu: 'دهۆک', kurdistanRegion: true },
  { code: 'IQ-DI', pcode: 'IQG10', nameEn: 'Diyala', nameAr: 'ديالى', nameKu: 'دیالە', kurdistanRegion: false },
  { code: 'IQ-AR', pcode: 'IQG11', nameEn: 'Erbil', nameAr: 'أربيل', nameKu: 'هەولێر', kurdistanRegion: true },
  { code: 'IQ-KA', pcode: 'IQG12', nameEn: 'Karbala', nameAr: 'كربلاء', nameKu: 'کەربەلا', kurdistanRegion: false },
  { code: 'IQ-KI', pcode: 'IQG13', nameEn: 'Kirkuk', nameAr: 'كركوك', nameKu: 'کەرکووک', kurdistanRegion: false },
  { code: 'IQ-MA', pcode: 'IQG14', nameEn: 'Maysan', nameAr: 'ميسان', nameKu: 'مەیسان', kurdistanRegion: false },
  { code: 'IQ-NI', pcode: 'IQG15', nameEn: 'Ninewa', nameAr: 'نينوى', nameKu: 'نەینەوا', kurdistanRegion: false },
  { code: 'IQ-SD', pcode: 'IQG16', nameEn: 'Salah al-Din', nameAr: 'صلاح الدين', nameKu: 'سەڵاحەدین', kurdistanRegion: false },
  { code: 'IQ-DQ', pcode: 'IQG17', nameEn: 'Dhi Qar', nameAr: 'ذي قار', nameKu: 'زیقار', kurdistanRegion: false },
  { code: 'IQ-WA', pcode: 'IQG18', nameEn: 'Wasit', nameAr: 'واسط', nameKu: 'واسیت', kurdistanRegion: false },
  { code: HALABJA_CODE, pcode: null, nameEn: 'Halabja', nameAr: 'حلبجة', nameKu: 'هەڵەبجە', kurdistanRegion: true },
];

const byCode = new Map(GOVERNORATES.map((g) => [g.code, g]));

export function findGovernorate(code: string): Governorate | undefined {
  return byCode.get(code);
}

export function isGovernorateCode(code: string): boolean {
  return byCode.has(code);
}

/** A governorate's name in an interface language: the Arabic, English or Sorani Kurdish one. */
export function governorateNameIn(governorate: Governorate, language: Language): string {
  if (language === 'ku') return governorate.nameKu;
  return language === 'en' ? governorate.nameEn : governorate.nameAr;
}

/** A governorate code's name in an interface language; an unknown code is shown as it is. */
export function governorateNameOf(code: string, language: Language): string {
  const governorate = findGovernorate(code);
  return governorate ? governorateNameIn(governorate, language) : code;
}
