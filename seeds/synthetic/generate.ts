/**
 * Deterministic synthetic stakeholder directory: activists, government focal points, volunteer teams and
 * organisations (local and international NGOs, government bodies, media, donors), with Iraqi names written the way
 * records really are (hamza sometimes dropped, عبد compounds split or joined), Latin spellings, governorates, fake
 * Iraqi mobiles and example.org emails. Same seed, same output. Pure TypeScript (no Node imports), so the search
 * benchmark can run it in Node or in a browser.
 *
 * Shares, roughly: 70% activists, 8% government focal points, 5% volunteer teams, 17% organisations (of which ~40%
 * government bodies, ~35% local NGOs, the rest international NGOs, media, donors and others); ~4% restricted.
 */
import type { ContactKind, Gender, OrganizationSubtype, Sensitivity } from '../../server/src/domain/contact-kinds.js';
import { FAMILY_NAMES, FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES, type NameEntry } from './names.js';
import { createRng, type Rng, WeightedTable } from './random.js';

export interface SyntheticNameParts {
  first: string;
  father: string;
  grandfather?: string;
  family?: string;
}

export interface SyntheticContact {
  kind: ContactKind;
  /** Organisations only. */
  subtype?: OrganizationSubtype;
  /** Arabic display name; for people the name parts joined with spaces. */
  name: string;
  /** For ~25% of people one of latinVariants; for organisations the English name when there is one. */
  nameLatin?: string;
  /** People only. */
  nameParts?: SyntheticNameParts;
  /** People only. */
  gender?: Gender;
  /** Governorate codes, at least one. */
  governorates: string[];
  /** E.164 Iraqi mobiles (+9647[3-9]XXXXXXXX), unique across the whole generated set. May be empty. */
  phones: string[];
  /** @example.org addresses, unique across the set. */
  emails?: string[];
  tags: string[];
  sensitivity: Sensitivity;
  /** People: the full name in 1–3 Latin spellings built from per-part spellings. Organisations: the English name, if any. */
  latinVariants: string[];
}

// ───────────────────────────── Governorates ─────────────────────────────

export interface GovernorateProfile {
  code: string;
  /** As in server/src/domain/governorates.ts (checked by a test). */
  ar: string;
  /** Short English name as used in body names ("Anbar Governorate"). */
  en: string;
  /** Relative share of contacts. */
  weight: number;
  /** Districts (أقضية) and main towns, [Arabic, English]. */
  districts: readonly (readonly [string, string])[];
}

/** The 19 governorates, weighted roughly by population and by how active civil society is in each. */
export const GOVERNORATE_PROFILES: readonly GovernorateProfile[] = [
  {
    code: 'IQ-BG',
    ar: 'بغداد',
    en: 'Baghdad',
    weight: 22,
    districts: [
      ['الكرخ', 'Karkh'],
      ['الرصافة', 'Rusafa'],
      ['الأعظمية', 'Adhamiya'],
      ['الكاظمية', 'Kadhimiya'],
      ['مدينة الصدر', 'Sadr City'],
      ['المحمودية', 'Mahmudiya'],
      ['أبو غريب', 'Abu Ghraib'],
      ['المدائن', "Mada'in"],
      ['الطارمية', 'Tarmiyah'],
    ],
  },
  {
    code: 'IQ-BA',
    ar: 'البصرة',
    en: 'Basrah',
    weight: 9,
    districts: [
      ['الزبير', 'Zubair'],
      ['أبو الخصيب', 'Abu al-Khasib'],
      ['القرنة', 'Qurna'],
      ['شط العرب', 'Shatt al-Arab'],
      ['الفاو', 'Faw'],
      ['المدينة', 'Al-Midaina'],
    ],
  },
  {
    code: 'IQ-NI',
    ar: 'نينوى',
    en: 'Ninewa',
    weight: 8,
    districts: [
      ['الموصل', 'Mosul'],
      ['تلعفر', 'Tal Afar'],
      ['سنجار', 'Sinjar'],
      ['الحمدانية', 'Hamdaniya'],
      ['تلكيف', 'Tel Kaif'],
      ['الشيخان', 'Shekhan'],
      ['البعاج', "Ba'aj"],
    ],
  },
  {
    code: 'IQ-AN',
    ar: 'الأنبار',
    en: 'Anbar',
    weight: 6,
    districts: [
      ['الرمادي', 'Ramadi'],
      ['الفلوجة', 'Fallujah'],
      ['هيت', 'Hit'],
      ['حديثة', 'Haditha'],
      ['القائم', "Al-Qa'im"],
      ['عانة', 'Anah'],
      ['راوة', 'Rawa'],
      ['الرطبة', 'Rutba'],
    ],
  },
  {
    code: 'IQ-NA',
    ar: 'النجف',
    en: 'Najaf',
    weight: 5.5,
    districts: [
      ['الكوفة', 'Kufa'],
      ['المناذرة', 'Al-Manathera'],
      ['المشخاب', 'Al-Mishkhab'],
    ],
  },
  {
    code: 'IQ-KA',
    ar: 'كربلاء',
    en: 'Karbala',
    weight: 4.5,
    districts: [
      ['الهندية', 'Al-Hindiya'],
      ['عين التمر', 'Ain al-Tamur'],
    ],
  },
  {
    code: 'IQ-BB',
    ar: 'بابل',
    en: 'Babil',
    weight: 5.5,
    districts: [
      ['الحلة', 'Hillah'],
      ['المسيب', 'Musayyib'],
      ['المحاويل', 'Mahawil'],
      ['الهاشمية', 'Hashimiya'],
    ],
  },
  {
    code: 'IQ-DQ',
    ar: 'ذي قار',
    en: 'Dhi Qar',
    weight: 5.5,
    districts: [
      ['الناصرية', 'Nasiriyah'],
      ['الشطرة', 'Shatra'],
      ['الرفاعي', "Rifa'i"],
      ['سوق الشيوخ', 'Suq al-Shuyukh'],
      ['الجبايش', 'Chibayish'],
    ],
  },
  {
    code: 'IQ-SD',
    ar: 'صلاح الدين',
    en: 'Salah al-Din',
    weight: 4,
    districts: [
      ['تكريت', 'Tikrit'],
      ['سامراء', 'Samarra'],
      ['بيجي', 'Baiji'],
      ['الدور', 'Al-Dour'],
      ['بلد', 'Balad'],
      ['الشرقاط', 'Shirqat'],
      ['طوز خورماتو', 'Tuz Khurmatu'],
    ],
  },
  {
    code: 'IQ-DI',
    ar: 'ديالى',
    en: 'Diyala',
    weight: 4,
    districts: [
      ['بعقوبة', 'Baqubah'],
      ['المقدادية', 'Muqdadiya'],
      ['الخالص', 'Khalis'],
      ['خانقين', 'Khanaqin'],
      ['بلدروز', 'Baladruz'],
    ],
  },
  {
    code: 'IQ-KI',
    ar: 'كركوك',
    en: 'Kirkuk',
    weight: 4,
    districts: [
      ['الحويجة', 'Hawija'],
      ['داقوق', 'Daquq'],
      ['الدبس', 'Dibis'],
    ],
  },
  {
    code: 'IQ-WA',
    ar: 'واسط',
    en: 'Wasit',
    weight: 3.5,
    districts: [
      ['الكوت', 'Kut'],
      ['الصويرة', 'Suwaira'],
      ['العزيزية', 'Aziziya'],
      ['النعمانية', "Nu'maniya"],
      ['بدرة', 'Badra'],
      ['الحي', 'Al-Hay'],
    ],
  },
  {
    code: 'IQ-QA',
    ar: 'القادسية',
    en: 'Qadisiyah',
    weight: 3.5,
    districts: [
      ['الديوانية', 'Diwaniyah'],
      ['عفك', 'Afak'],
      ['الشامية', 'Shamiya'],
      ['الحمزة', 'Al-Hamza'],
    ],
  },
  {
    code: 'IQ-MA',
    ar: 'ميسان',
    en: 'Maysan',
    weight: 3,
    districts: [
      ['العمارة', 'Amarah'],
      ['المجر الكبير', 'Majar al-Kabir'],
      ['علي الغربي', 'Ali al-Gharbi'],
      ['قلعة صالح', "Qal'at Salih"],
      ['الميمونة', 'Maimouna'],
    ],
  },
  {
    code: 'IQ-MU',
    ar: 'المثنى',
    en: 'Muthanna',
    weight: 2.5,
    districts: [
      ['السماوة', 'Samawah'],
      ['الرميثة', 'Rumaitha'],
      ['الخضر', 'Al-Khidhir'],
      ['السلمان', 'Al-Salman'],
    ],
  },
  {
    code: 'IQ-AR',
    ar: 'أربيل',
    en: 'Erbil',
    weight: 5,
    districts: [
      ['سوران', 'Soran'],
      ['شقلاوة', 'Shaqlawa'],
      ['مخمور', 'Makhmur'],
      ['كويسنجق', 'Koya'],
    ],
  },
  {
    code: 'IQ-SU',
    ar: 'السليمانية',
    en: 'Sulaymaniyah',
    weight: 5,
    districts: [
      ['رانية', 'Raniya'],
      ['دوكان', 'Dukan'],
      ['جمجمال', 'Chamchamal'],
      ['بنجوين', 'Penjwen'],
    ],
  },
  {
    code: 'IQ-DA',
    ar: 'دهوك',
    en: 'Duhok',
    weight: 3,
    districts: [
      ['زاخو', 'Zakho'],
      ['العمادية', 'Amadiya'],
      ['سميل', 'Sumel'],
      ['عقرة', 'Akre'],
    ],
  },
  {
    code: 'HALABJA',
    ar: 'حلبجة',
    en: 'Halabja',
    weight: 1,
    districts: [
      ['خورمال', 'Khurmal'],
      ['سيروان', 'Sirwan'],
    ],
  },
];

const GOV_TABLE = new WeightedTable(
  GOVERNORATE_PROFILES,
  GOVERNORATE_PROFILES.map((g) => g.weight),
);

// ───────────────────────────── Organisation vocabularies ─────────────────────────────

type Pair = readonly [ar: string, en: string];

interface BodyTemplate {
  ar: (place: string) => string;
  en: (place: string) => string;
  tags: readonly string[];
  weight: number;
  /** District-level (قضاء) rather than governorate-level. */
  district?: boolean;
}

const LOCAL_GOV = 'حكومة محلية';

const BODY_TEMPLATES: readonly BodyTemplate[] = [
  {
    ar: (g) => `قسم شؤون المرأة — محافظة ${g}`,
    en: (g) => `Women's Affairs Department — ${g} Governorate`,
    tags: [LOCAL_GOV, 'مرأة'],
    weight: 3,
  },
  {
    ar: (g) => `قسم شؤون المواطنين — محافظة ${g}`,
    en: (g) => `Citizens' Affairs Department — ${g} Governorate`,
    tags: [LOCAL_GOV],
    weight: 3,
  },
  {
    ar: (g) => `قسم شؤون المنظمات — محافظة ${g}`,
    en: (g) => `NGO Affairs Department — ${g} Governorate`,
    tags: [LOCAL_GOV, 'شؤون المنظمات'],
    weight: 3,
  },
  {
    ar: (g) => `قسم حقوق الإنسان — محافظة ${g}`,
    en: (g) => `Human Rights Department — ${g} Governorate`,
    tags: [LOCAL_GOV, 'حقوق الإنسان'],
    weight: 2,
  },
  {
    ar: (g) => `لجنة العمل التطوعي — محافظة ${g}`,
    en: (g) => `Volunteer Work Committee — ${g} Governorate`,
    tags: [LOCAL_GOV, 'عمل تطوعي'],
    weight: 2,
  },
  { ar: (g) => `مديرية شباب ورياضة ${g}`, en: (g) => `${g} Directorate of Youth and Sports`, tags: [LOCAL_GOV, 'شباب'], weight: 3 },
  { ar: (g) => `مديرية تربية ${g}`, en: (g) => `${g} Directorate of Education`, tags: [LOCAL_GOV, 'تعليم'], weight: 2 },
  { ar: (g) => `دائرة صحة ${g}`, en: (g) => `${g} Health Directorate`, tags: [LOCAL_GOV, 'صحة'], weight: 2 },
  { ar: (g) => `مديرية بيئة ${g}`, en: (g) => `${g} Environment Directorate`, tags: [LOCAL_GOV, 'بيئة'], weight: 1 },
  { ar: (g) => `مجلس محافظة ${g}`, en: (g) => `${g} Provincial Council`, tags: [LOCAL_GOV, 'حوكمة محلية'], weight: 1 },
  { ar: (g) => `ديوان محافظة ${g}`, en: (g) => `${g} Governorate Office`, tags: [LOCAL_GOV], weight: 1 },
  { ar: (g) => `مديرية بلديات ${g}`, en: (g) => `${g} Directorate of Municipalities`, tags: [LOCAL_GOV, 'خدمات بلدية'], weight: 1 },
  {
    ar: (g) => `قسم التخطيط والمتابعة — محافظة ${g}`,
    en: (g) => `Planning and Follow-up Department — ${g} Governorate`,
    tags: [LOCAL_GOV],
    weight: 1,
  },
  {
    ar: (g) => `مديرية العمل والشؤون الاجتماعية في ${g}`,
    en: (g) => `${g} Directorate of Labour and Social Affairs`,
    tags: [LOCAL_GOV, 'حماية'],
    weight: 1,
  },
  {
    ar: (g) => `مكتب مفوضية حقوق الإنسان في ${g}`,
    en: (g) => `Human Rights Commission Office in ${g}`,
    tags: ['حقوق الإنسان'],
    weight: 0.5,
  },
  {
    ar: (g) => `وحدة تمكين المرأة — دائرة صحة ${g}`,
    en: (g) => `Women's Empowerment Unit — ${g} Health Directorate`,
    tags: [LOCAL_GOV, 'مرأة', 'صحة'],
    weight: 0.5,
  },
  { ar: (d) => `قائممقامية قضاء ${d}`, en: (d) => `${d} District Administration`, tags: [LOCAL_GOV], weight: 5, district: true },
  { ar: (d) => `بلدية ${d}`, en: (d) => `${d} Municipality`, tags: [LOCAL_GOV, 'خدمات بلدية'], weight: 5, district: true },
  {
    ar: (d) => `شعبة شؤون المواطنين — قضاء ${d}`,
    en: (d) => `Citizens' Affairs Section — ${d} District`,
    tags: [LOCAL_GOV],
    weight: 2,
    district: true,
  },
];
const BODY_TABLE = new WeightedTable(
  BODY_TEMPLATES,
  BODY_TEMPLATES.map((t) => t.weight),
);

/** [Arabic, English, feminine] — the adjective after the name agrees with it (جمعية … العراقية, مركز … العراقي). */
const NGO_PREFIXES: readonly (readonly [string, string, boolean])[] = [
  ['جمعية', 'Association', true],
  ['منظمة', 'Organization', true],
  ['مؤسسة', 'Foundation', true],
  ['مركز', 'Center', false],
  ['شبكة', 'Network', true],
  ['رابطة', 'League', true],
  ['ملتقى', 'Forum', false],
  ['تجمع', 'Coalition', false],
];
const NGO_PREFIX_TABLE = new WeightedTable(NGO_PREFIXES, [5, 5, 3, 2, 1, 1, 0.5, 0.5]);

const NGO_CORES: readonly Pair[] = [
  ['الأمل', 'al-Amal'],
  ['تموز', 'Tammuz'],
  ['النور', 'al-Noor'],
  ['الرافدين', 'al-Rafidain'],
  ['دجلة', 'Dijla'],
  ['الفرات', 'al-Furat'],
  ['سنابل', 'Sanabel'],
  ['نخيل', 'Nakheel'],
  ['الغد', 'al-Ghad'],
  ['الحياة', 'al-Hayat'],
  ['بلادي', 'Biladi'],
  ['السلام', 'al-Salam'],
  ['الوفاء', 'al-Wafaa'],
  ['الإحسان', 'al-Ihsan'],
  ['العطاء', 'al-Ataa'],
  ['أور', 'Ur'],
  ['سومر', 'Sumer'],
  ['أكد', 'Akkad'],
  ['آشور', 'Ashur'],
  ['الحضارة', 'al-Hadara'],
  ['شمس', 'Shams'],
  ['الفجر', 'al-Fajr'],
  ['الياسمين', 'al-Yasmin'],
  ['الزيتون', 'al-Zaytoun'],
  ['الرحمة', 'al-Rahma'],
  ['التآخي', 'al-Taakhi'],
  ['الكرامة', 'al-Karama'],
  ['المستقبل', 'al-Mustaqbal'],
  ['إشراقة', 'Ishraqa'],
  ['بصمة', 'Basma'],
  ['نبض', 'Nabdh'],
  ['أمواج', 'Amwaj'],
  ['الشروق', 'al-Shurooq'],
  ['الأمانة', 'al-Amana'],
  ['الإخاء', 'al-Ikhaa'],
  ['الضياء', 'al-Dhiyaa'],
  ['النهرين', 'al-Nahrain'],
  ['الجسر', 'al-Jisr'],
  ['الواحة', 'al-Waha'],
  ['الينابيع', 'al-Yanabi'],
  ['المحبة', 'al-Mahabba'],
  ['التضامن', 'al-Tadamun'],
  ['أجيال', 'Ajyal'],
  ['رواد', 'Ruwad'],
  ['بناة الغد', 'Bunat al-Ghad'],
  ['الأيادي البيضاء', 'al-Ayadi al-Baydaa'],
  ['نساء الرافدين', 'Nisaa al-Rafidain'],
  ['الميزان', 'al-Mizan'],
  ['البيت العراقي', 'al-Bayt al-Iraqi'],
  ['جسور', 'Jusoor'],
  ['أنوار', 'Anwar'],
  ['الهدى', 'al-Huda'],
  ['أريج', 'Areej'],
  ['الوئام', 'al-Wiam'],
  ['المودة', 'al-Mawadda'],
];

/** [feminine, masculine, English]. */
const NGO_ADJECTIVES: readonly (readonly [string, string, string])[] = [
  ['العراقية', 'العراقي', 'Iraqi'],
  ['الخيرية', 'الخيري', 'Charity'],
  ['الإنسانية', 'الإنساني', 'Humanitarian'],
  ['الشبابية', 'الشبابي', 'Youth'],
  ['النسوية', 'النسوي', "Women's"],
];

const NGO_PURPOSES: readonly Pair[] = [
  ['للتنمية الاجتماعية', 'Social Development'],
  ['للتنمية المستدامة', 'Sustainable Development'],
  ['لحقوق الإنسان', 'Human Rights'],
  ['لحقوق المرأة', "Women's Rights"],
  ['لتمكين المرأة', "Women's Empowerment"],
  ['للإغاثة والتنمية', 'Relief and Development'],
  ['لرعاية الأيتام', 'Orphan Care'],
  ['للثقافة والفنون', 'Culture and Arts'],
  ['لدعم الشباب', 'Youth Support'],
  ['للديمقراطية وحقوق الإنسان', 'Democracy and Human Rights'],
  ['للسلام والتعايش', 'Peace and Coexistence'],
  ['للتوعية القانونية', 'Legal Awareness'],
  ['لحماية البيئة', 'Environmental Protection'],
  ['لرعاية ذوي الإعاقة', 'Persons with Disabilities'],
  ['للتعليم والتدريب', 'Education and Training'],
  ['للتنمية المجتمعية', 'Community Development'],
  ['لحماية الطفل', 'Child Protection'],
  ['للتنمية', 'Development'],
  ['للدراسات والبحوث', 'Studies and Research'],
  ['لدعم النازحين', 'Support to the Displaced'],
];

const NGO_PURPOSE_TAGS: Record<string, string> = {
  'لحقوق الإنسان': 'حقوق الإنسان',
  'لحقوق المرأة': 'مرأة',
  'لتمكين المرأة': 'مرأة',
  'لدعم الشباب': 'شباب',
  'للديمقراطية وحقوق الإنسان': 'تعزيز الديمقراطية',
  'للسلام والتعايش': 'تعايش سلمي',
  'لحماية البيئة': 'بيئة',
  'لرعاية ذوي الإعاقة': 'ذوو الإعاقة',
  'للتعليم والتدريب': 'تعليم',
  'لحماية الطفل': 'حماية',
  'لدعم النازحين': 'نازحون',
  'للتنمية الاجتماعية': 'تنمية',
  'للتنمية المستدامة': 'تنمية',
  'للتنمية المجتمعية': 'تنمية',
  للتنمية: 'تنمية',
};

const TEAM_CORES: readonly Pair[] = [
  ['شباب', 'Youth'],
  ['بناة', 'Builders'],
  ['أصوات', 'Voices'],
  ['سفراء', 'Ambassadors'],
  ['إشراقة', 'Ishraqa'],
  ['بصمة', 'Imprint'],
  ['نبض', 'Pulse'],
  ['أمل', 'Hope'],
  ['صناع', 'Makers'],
  ['رواد', 'Pioneers'],
  ['فرسان', 'Knights'],
  ['همة', 'Himma'],
  ['عطاء', 'Ataa'],
  ['نور', 'Light'],
  ['أبطال', 'Heroes'],
  ['شمس', 'Sun'],
  ['ضياء', 'Dhiyaa'],
  ['أجيال', 'Generations'],
  ['صدى', 'Echo'],
  ['خطوة', 'Step'],
  ['بسمة', 'Smile'],
  ['غيث', 'Ghaith'],
  ['سواعد', 'Arms'],
  ['شباب التغيير', 'Youth for Change'],
];

const MEDIA_CORES: readonly Pair[] = [
  ['الفجر', 'Al-Fajr'],
  ['صدى', 'Sada'],
  ['نبض', 'Nabdh'],
  ['صوت الناس', 'Sawt al-Nas'],
  ['المربد', 'Al-Mirbad'],
  ['الرافدين', 'Al-Rafidain'],
  ['دجلة', 'Dijla'],
  ['الفرات', 'Al-Furat'],
  ['آفاق', 'Afaq'],
  ['المسار', 'Al-Masar'],
  ['أضواء', 'Adwaa'],
  ['النهار', 'Al-Nahar'],
  ['المرصد', 'Al-Marsad'],
  ['البوصلة', 'Al-Bawsala'],
  ['المنارة', 'Al-Manara'],
  ['الشاهد', 'Al-Shahid'],
  ['مرايا', 'Maraya'],
  ['حكايات', 'Hikayat'],
  ['الضفاف', 'Al-Difaf'],
  ['الغد', 'Al-Ghad'],
];

/** [masculine, feminine, English]. */
const NATIONALITIES: readonly (readonly [string, string, string])[] = [
  ['النرويجي', 'النرويجية', 'Norwegian'],
  ['الدنماركي', 'الدنماركية', 'Danish'],
  ['السويدي', 'السويدية', 'Swedish'],
  ['الألماني', 'الألمانية', 'German'],
  ['الهولندي', 'الهولندية', 'Dutch'],
  ['الفرنسي', 'الفرنسية', 'French'],
  ['البريطاني', 'البريطانية', 'British'],
  ['الإيطالي', 'الإيطالية', 'Italian'],
  ['الأمريكي', 'الأمريكية', 'American'],
  ['الياباني', 'اليابانية', 'Japanese'],
  ['الكندي', 'الكندية', 'Canadian'],
  ['الفنلندي', 'الفنلندية', 'Finnish'],
  ['السويسري', 'السويسرية', 'Swiss'],
  ['الإسباني', 'الإسبانية', 'Spanish'],
  ['الأوروبي', 'الأوروبية', 'European'],
  ['الأسترالي', 'الأسترالية', 'Australian'],
  ['الكوري', 'الكورية', 'Korean'],
  ['البلجيكي', 'البلجيكية', 'Belgian'],
  ['النمساوي', 'النمساوية', 'Austrian'],
  ['الإيرلندي', 'الإيرلندية', 'Irish'],
];

const INGO_FEMININE_NOUNS: readonly Pair[] = [
  ['منظمة الإغاثة', 'Relief Organization'],
  ['منظمة التنمية', 'Development Organization'],
  ['منظمة السلام', 'Peace Organization'],
  ['منظمة المساعدات الإنسانية', 'Humanitarian Aid Organization'],
  ['منظمة التضامن', 'Solidarity Organization'],
  ['الوكالة', 'Agency for Cooperation'],
  ['منظمة رعاية الطفولة', 'Child Care Organization'],
  ['الشبكة', 'Network for Civil Society'],
];
const INGO_MASCULINE_NOUNS: readonly (readonly [string, string, string])[] = [
  ['المجلس', 'للاجئين', 'Council for Refugees'],
  ['المعهد', 'للديمقراطية', 'Institute for Democracy'],
  ['المركز', 'للحوار', 'Centre for Dialogue'],
  ['الاتحاد', 'للتنمية', 'Union for Development'],
  ['المعهد', 'للسلام', 'Peace Institute'],
  ['المجلس', 'للحوار المدني', 'Council for Civic Dialogue'],
];
const INGO_INTERNATIONAL: readonly Pair[] = [
  ['جسور', 'Bridges'],
  ['أجيال', 'Generations'],
  ['الأفق', 'Horizon'],
  ['الأمل', 'Hope'],
  ['يد بيد', 'Hand in Hand'],
  ['الطفولة أولاً', 'Children First'],
  ['أرض السلام', 'Land of Peace'],
  ['نداء', 'Appeal'],
];

const DONOR_OBJECTS: readonly Pair[] = [
  ['دعم المبادرات الشبابية', 'Youth Initiatives Support Fund'],
  ['المبادرات المدنية', 'Civic Initiatives Fund'],
  ['التمكين الاقتصادي للمرأة', "Women's Economic Empowerment Fund"],
  ['السلام المجتمعي', 'Community Peace Fund'],
  ['المنح الصغيرة', 'Small Grants Fund'],
  ['التنمية المحلية', 'Local Development Fund'],
  ['دعم الإعلام المستقل', 'Independent Media Support Fund'],
  ['الاستقرار', 'Stabilisation Fund'],
  ['المجتمع المدني', 'Civil Society Fund'],
  ['الحوكمة الرشيدة', 'Good Governance Fund'],
];

const OTHER_FORMS: readonly { ar: (core: Pair, g: GovernorateProfile) => string; en: (core: Pair, g: GovernorateProfile) => string }[] = [
  { ar: (c) => `مركز ${c[0]} للدراسات والبحوث`, en: (c) => `${cap(c[1])} Centre for Studies and Research` },
  { ar: (c) => `مركز ${c[0]} لدراسات السياسات العامة`, en: (c) => `${cap(c[1])} Centre for Public Policy Studies` },
  { ar: (_c, g) => `نقابة المحامين — فرع ${g.ar}`, en: (_c, g) => `Bar Association — ${g.en} Branch` },
  { ar: (_c, g) => `نقابة المعلمين — فرع ${g.ar}`, en: (_c, g) => `Teachers' Syndicate — ${g.en} Branch` },
  { ar: (_c, g) => `غرفة تجارة ${g.ar}`, en: (_c, g) => `${g.en} Chamber of Commerce` },
  { ar: (_c, g) => `اتحاد الأدباء والكتاب في ${g.ar}`, en: (_c, g) => `Writers' Union in ${g.en}` },
  { ar: (c) => `مرصد ${c[0]} للحقوق والحريات`, en: (c) => `${cap(c[1])} Rights and Freedoms Observatory` },
];

const ACTIVIST_TAGS: readonly string[] = [
  'شباب',
  'مرأة',
  'منحة',
  'تعزيز الديمقراطية',
  'حقوق الإنسان',
  'بيئة',
  'تعليم',
  'حماية',
  'تعايش سلمي',
  'إعلام',
  'حوكمة محلية',
  'خدمات بلدية',
  'ذوو الإعاقة',
  'صحة',
  'نازحون',
  'عمل تطوعي',
  'مجموعة عمل: التحديات',
  'مجموعة عمل: الدروس المستفادة',
  'مجموعة عمل: الخطط المستقبلية',
  'الجلسة الختامية 2024',
];

const MOBILE_PREFIXES = ['770', '771', '772', '773', '774', '775', '780', '781', '782', '783', '790', '791', '750', '751', '740'];
const MOBILE_PREFIX_TABLE = new WeightedTable(MOBILE_PREFIXES, [8, 4, 3, 2, 1, 1, 8, 5, 3, 2, 3, 2, 5, 3, 1]);

const KIND_TABLE = new WeightedTable<ContactKind>(['activist', 'government_focal_point', 'volunteer_team', 'organization'], [70, 8, 5, 17]);
const SUBTYPE_TABLE = new WeightedTable<OrganizationSubtype>(
  ['government_body', 'local_ngo', 'international_ngo', 'media', 'donor', 'other'],
  [40, 35, 8, 7, 4, 6],
);

const MALE_TABLE = new WeightedTable(
  MALE_GIVEN_NAMES,
  MALE_GIVEN_NAMES.map((e) => e.weight),
);
const FEMALE_TABLE = new WeightedTable(
  FEMALE_GIVEN_NAMES,
  FEMALE_GIVEN_NAMES.map((e) => e.weight),
);
const FAMILY_TABLE = new WeightedTable(
  FAMILY_NAMES,
  FAMILY_NAMES.map((e) => e.weight),
);

// ───────────────────────────── Helpers ─────────────────────────────

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** How a record-keeper writes hamza on a word-initial alef, also after the article: أحمد → احمد, الأسدي → الاسدي. */
function dropInitialHamza(text: string): string {
  return text.replace(/(^|\s)(ال)?[أإآ]/g, '$1$2ا');
}

const GLUED_ABD = /(^|\s)عبد (?=\S)/g;

interface Generated {
  rng: Rng;
  phones: Set<string>;
  emails: Set<string>;
}

function makePhone(g: Generated): string {
  for (;;) {
    const prefix = MOBILE_PREFIX_TABLE.pick(g.rng);
    const rest = String(g.rng.int(0, 9_999_999)).padStart(7, '0');
    const phone = `+964${prefix}${rest}`;
    if (!g.phones.has(phone)) {
      g.phones.add(phone);
      return phone;
    }
  }
}

function asciiSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/^al[- ]/, '')
    .replace(/[^a-z0-9]+/g, '');
}

function makeEmail(g: Generated, local: string): string {
  const base = local.replace(/^\.+|\.+$/g, '') || 'contact';
  let email = `${base}@example.org`;
  for (let n = 2; g.emails.has(email); n++) email = `${base}${n}@example.org`;
  g.emails.add(email);
  return email;
}

/** k distinct items by rejection: cheaper than shuffling the pool for the small k used for tags. */
function pickSome(rng: Rng, pool: readonly string[], k: number): string[] {
  const out: string[] = [];
  while (out.length < k) {
    const item = rng.pick(pool);
    if (!out.includes(item)) out.push(item);
  }
  return out;
}

function phoneCount(rng: Rng, person: boolean): number {
  const r = rng.next();
  if (person) return r < 0.05 ? 0 : r < 0.88 ? 1 : 2;
  return r < 0.15 ? 0 : r < 0.85 ? 1 : 2;
}

function extraGovernorates(rng: Rng, first: GovernorateProfile): string[] {
  const codes = [first.code];
  const want = rng.int(2, 3);
  while (codes.length < want) {
    const g = GOV_TABLE.pick(rng);
    if (!codes.includes(g.code)) codes.push(g.code);
  }
  return codes;
}

// ───────────────────────────── People ─────────────────────────────

interface PartChoice {
  entry: NameEntry;
  text: string;
}

function spell(rng: Rng, entry: NameEntry, careless: boolean): string {
  let text = entry.ar;
  if (entry.variants.length > 0 && rng.chance(0.3)) text = rng.pick(entry.variants);
  if (careless) text = dropInitialHamza(text);
  if (text.startsWith('عبد ') && rng.chance(0.4)) text = text.replace(GLUED_ABD, '$1عبد');
  return text;
}

function pickDistinct(rng: Rng, table: WeightedTable<NameEntry>, avoid: readonly NameEntry[]): NameEntry {
  for (;;) {
    const entry = table.pick(rng);
    if (!avoid.includes(entry)) return entry;
  }
}

function latinVariantsOf(rng: Rng, parts: readonly PartChoice[]): string[] {
  const r = rng.next();
  const want = r < 0.3 ? 1 : r < 0.7 ? 2 : 3;
  const out = [parts.map((p) => p.entry.latin[0]).join(' ')];
  for (let attempt = 0; out.length < want && attempt < 6; attempt++) {
    const variant = parts.map((p) => rng.pick(p.entry.latin)).join(' ');
    if (!out.includes(variant)) out.push(variant);
  }
  return out;
}

function makePerson(g: Generated, kind: ContactKind): SyntheticContact {
  const { rng } = g;
  const gender: Gender = rng.chance(kind === 'government_focal_point' ? 0.58 : 0.52) ? 'male' : 'female';
  // About one record in five is typed without hamza on alef, consistently for the whole name (ابرار العاني).
  const careless = rng.chance(0.2);

  const firstEntry = (gender === 'male' ? MALE_TABLE : FEMALE_TABLE).pick(rng);
  const fatherEntry = pickDistinct(rng, MALE_TABLE, [firstEntry]);
  const grandEntry = rng.chance(0.4) ? pickDistinct(rng, MALE_TABLE, [fatherEntry]) : undefined;
  const familyEntry = rng.chance(0.85) ? FAMILY_TABLE.pick(rng) : undefined;

  const parts: PartChoice[] = [];
  const first = spell(rng, firstEntry, careless);
  const father = spell(rng, fatherEntry, careless);
  parts.push({ entry: firstEntry, text: first }, { entry: fatherEntry, text: father });
  const nameParts: SyntheticNameParts = { first, father };
  if (grandEntry) {
    nameParts.grandfather = spell(rng, grandEntry, careless);
    parts.push({ entry: grandEntry, text: nameParts.grandfather });
  }
  if (familyEntry) {
    nameParts.family = spell(rng, familyEntry, careless);
    parts.push({ entry: familyEntry, text: nameParts.family });
  }

  const latinVariants = latinVariantsOf(rng, parts);
  const gov = GOV_TABLE.pick(rng);

  const phones: string[] = [];
  for (let i = phoneCount(rng, true); i > 0; i--) phones.push(makePhone(g));

  const contact: SyntheticContact = {
    kind,
    name: parts.map((p) => p.text).join(' '),
    nameParts,
    gender,
    governorates: [gov.code],
    phones,
    tags:
      kind === 'government_focal_point'
        ? [LOCAL_GOV, ...pickSome(rng, ACTIVIST_TAGS, rng.int(0, 1)).filter((t) => t !== LOCAL_GOV)]
        : pickSome(rng, ACTIVIST_TAGS, rng.int(0, 3)),
    sensitivity: rng.chance(0.05) ? 'restricted' : 'normal',
    latinVariants,
  };
  if (rng.chance(0.25)) contact.nameLatin = rng.pick(latinVariants);
  if (rng.chance(0.35)) {
    const firstLatin = asciiSlug(firstEntry.latin[0]);
    const lastLatin = asciiSlug((familyEntry ?? fatherEntry).latin[0]);
    const local = rng.chance(0.7) ? `${firstLatin}.${lastLatin}` : `${firstLatin.charAt(0)}.${lastLatin}`;
    contact.emails = [makeEmail(g, local)];
  }
  return contact;
}

// ───────────────────────────── Teams and organisations ─────────────────────────────

interface OrgDraft {
  subtype?: OrganizationSubtype;
  ar: string;
  en?: string;
  gov: GovernorateProfile;
  tags: string[];
  /** May span several governorates (not for bodies tied to one governorate by name). */
  movable: boolean;
}

function place(rng: Rng, gov: GovernorateProfile): Pair {
  return rng.chance(0.55) ? rng.pick(gov.districts) : [gov.ar, gov.en];
}

function makeTeam(rng: Rng): OrgDraft {
  const gov = GOV_TABLE.pick(rng);
  const [placeAr, placeEn] = place(rng, gov);
  let core = rng.pick(TEAM_CORES);
  let coreAr = core[0];
  let coreEn = core[1];
  if (rng.chance(0.08)) {
    // فريق بصمة شباب التطوعي: two cores, no place.
    core = rng.pick(TEAM_CORES);
    const second = rng.pick(TEAM_CORES.filter((c) => c !== core && !c[0].includes(' ')));
    coreAr = `${core[0]} ${second[0]}`;
    coreEn = `${core[1]} ${second[1]}`;
  }
  const voluntary = rng.chance(0.7);
  const placeInName = !coreAr.includes(' ') || rng.chance(0.5);
  const ar = `فريق ${coreAr}${placeInName ? ` ${placeAr}` : ''}${voluntary ? ' التطوعي' : ''}`;
  const en = rng.chance(0.4) ? `${placeInName ? `${placeEn} ` : ''}${coreEn} ${voluntary ? 'Volunteer Team' : 'Team'}` : undefined;
  return {
    ar,
    en,
    gov,
    tags: ['عمل تطوعي', ...rng.sample(['شباب', 'منحة', 'بيئة', 'تعليم', 'خدمات بلدية'], rng.int(0, 2))],
    movable: true,
  };
}

function makeGovernmentBody(rng: Rng): OrgDraft {
  const template = BODY_TABLE.pick(rng);
  const gov = GOV_TABLE.pick(rng);
  const [placeAr, placeEn] = template.district ? rng.pick(gov.districts) : [gov.ar, gov.en];
  return {
    subtype: 'government_body',
    ar: template.ar(placeAr),
    en: rng.chance(0.6) ? template.en(placeEn) : undefined,
    gov,
    tags: [...template.tags],
    movable: false,
  };
}

function makeLocalNgo(rng: Rng): OrgDraft {
  const gov = GOV_TABLE.pick(rng);
  const [prefixAr, prefixEn, feminine] = NGO_PREFIX_TABLE.pick(rng);
  const [coreAr, coreEn] = rng.pick(NGO_CORES);
  const withPlace = rng.chance(0.2);
  // A place and an adjective together read badly (مؤسسة الكرامة بغداد النسوية), so at most one of them.
  const adjective = !withPlace && rng.chance(0.4) ? rng.pick(NGO_ADJECTIVES) : undefined;
  const purpose = rng.chance(0.6) ? rng.pick(NGO_PURPOSES) : undefined;

  let ar = `${prefixAr} ${coreAr}`;
  if (withPlace) ar += ` ${gov.ar}`;
  if (adjective) ar += ` ${feminine ? adjective[0] : adjective[1]}`;
  if (purpose) ar += ` ${purpose[0]}`;

  let en: string | undefined;
  if (rng.chance(0.5)) {
    en = cap(coreEn);
    if (withPlace) en += ` ${gov.en}`;
    if (adjective) en += ` ${adjective[2]}`;
    en += ` ${prefixEn}`;
    if (purpose) en += ` for ${purpose[1]}`;
  }
  const tags = [...rng.sample(['منحة', 'تعزيز الديمقراطية', 'شباب', 'مرأة'], rng.int(0, 2))];
  const purposeTag = purpose ? NGO_PURPOSE_TAGS[purpose[0]] : undefined;
  if (purposeTag && !tags.includes(purposeTag)) tags.push(purposeTag);
  return { subtype: 'local_ngo', ar, en, gov, tags, movable: true };
}

function makeInternationalNgo(rng: Rng): OrgDraft {
  const gov = rng.chance(0.6) ? GOVERNORATE_PROFILES[0] : GOV_TABLE.pick(rng); // mostly offices in Baghdad
  const [natM, natF, natEn] = rng.pick(NATIONALITIES);
  const form = rng.int(0, 2);
  let ar: string;
  let en: string;
  if (form === 0) {
    const [noun, nounEn] = rng.pick(INGO_FEMININE_NOUNS);
    ar = `${noun} ${natF}`;
    en = `${natEn} ${nounEn}`;
  } else if (form === 1) {
    const [noun, purpose, nounEn] = rng.pick(INGO_MASCULINE_NOUNS);
    ar = `${noun} ${natM} ${purpose}`;
    en = `${natEn} ${nounEn}`;
  } else {
    const [core, coreEn] = rng.pick(INGO_INTERNATIONAL);
    const purpose = rng.chance(0.5) ? rng.pick(NGO_PURPOSES) : undefined;
    ar = `منظمة ${core} الدولية${purpose ? ` ${purpose[0]}` : ''}`;
    en = `${coreEn} International${purpose ? ` for ${purpose[1]}` : ''}`;
  }
  if (rng.chance(0.25)) {
    ar += ` — مكتب ${gov.ar}`;
    en += ` — ${gov.en} Office`;
  }
  return {
    subtype: 'international_ngo',
    ar,
    en: rng.chance(0.7) ? en : undefined,
    gov,
    tags: ['شريك', ...rng.sample(['تعزيز الديمقراطية', 'حماية', 'نازحون', 'منحة'], rng.int(0, 2))],
    movable: true,
  };
}

function makeMedia(rng: Rng): OrgDraft {
  const gov = GOV_TABLE.pick(rng);
  const [coreAr, coreEn] = rng.pick(MEDIA_CORES);
  const [placeAr, placeEn] = place(rng, gov);
  const forms: readonly (readonly [string, string])[] = [
    [`شبكة ${placeAr} للإعلام المجتمعي`, `${placeEn} Community Media Network`],
    [`إذاعة ${coreAr} ${placeAr}`, `${coreEn} ${placeEn} Radio`],
    [`إذاعة ${coreAr} المجتمعية`, `${coreEn} Community Radio`],
    [`قناة ${coreAr} الفضائية`, `${coreEn} Satellite Channel`],
    [`صحيفة ${coreAr}`, `${coreEn} Newspaper`],
    [`وكالة ${coreAr} للأنباء`, `${coreEn} News Agency`],
    [`موقع ${coreAr} الإخباري`, `${coreEn} News Website`],
    [`مجلة ${coreAr} ${placeAr}`, `${coreEn} ${placeEn} Magazine`],
  ];
  const [ar, en] = rng.pick(forms);
  return { subtype: 'media', ar, en: rng.chance(0.5) ? en : undefined, gov, tags: ['إعلام'], movable: true };
}

function makeDonor(rng: Rng): OrgDraft {
  const gov = rng.chance(0.7) ? GOVERNORATE_PROFILES[0] : GOV_TABLE.pick(rng);
  const [objectAr, objectEn] = rng.pick(DONOR_OBJECTS);
  let ar: string;
  let en: string;
  if (rng.chance(0.5)) {
    ar = `صندوق ${objectAr}`;
    en = objectEn;
  } else {
    const [natM, , natEn] = rng.pick(NATIONALITIES);
    ar = `الصندوق ${natM} ل${objectAr.startsWith('ال') ? objectAr.slice(1) : objectAr}`;
    en = `${natEn} ${objectEn}`;
  }
  if (rng.chance(0.2)) {
    ar += ` في العراق`;
    en += ' in Iraq';
  }
  return { subtype: 'donor', ar, en: rng.chance(0.7) ? en : undefined, gov, tags: ['مانح', 'منحة'], movable: true };
}

function makeOther(rng: Rng): OrgDraft {
  const gov = GOV_TABLE.pick(rng);
  const form = rng.pick(OTHER_FORMS);
  const core = rng.pick(NGO_CORES);
  return {
    subtype: 'other',
    ar: form.ar(core, gov),
    en: rng.chance(0.5) ? form.en(core, gov) : undefined,
    gov,
    tags: rng.sample(['سياسات عامة', 'حقوق الإنسان', 'تعزيز الديمقراطية'], rng.int(0, 1)),
    movable: true,
  };
}

function makeOrgLike(g: Generated, kind: ContactKind): SyntheticContact {
  const { rng } = g;
  let draft: OrgDraft;
  if (kind === 'volunteer_team') draft = makeTeam(rng);
  else {
    const subtype = SUBTYPE_TABLE.pick(rng);
    draft =
      subtype === 'government_body'
        ? makeGovernmentBody(rng)
        : subtype === 'local_ngo'
          ? makeLocalNgo(rng)
          : subtype === 'international_ngo'
            ? makeInternationalNgo(rng)
            : subtype === 'media'
              ? makeMedia(rng)
              : subtype === 'donor'
                ? makeDonor(rng)
                : makeOther(rng);
  }
  // ~5% of teams and organisations overall span 2–3 governorates; government bodies never do.
  const governorates = draft.movable && rng.chance(0.08) ? extraGovernorates(rng, draft.gov) : [draft.gov.code];

  const phones: string[] = [];
  for (let i = phoneCount(rng, false); i > 0; i--) phones.push(makePhone(g));

  const contact: SyntheticContact = {
    kind,
    name: draft.ar,
    governorates,
    phones,
    tags: draft.tags,
    sensitivity: rng.chance(kind === 'volunteer_team' ? 0.03 : 0.005) ? 'restricted' : 'normal',
    latinVariants: draft.en ? [draft.en] : [],
  };
  if (draft.subtype) contact.subtype = draft.subtype;
  if (draft.en) contact.nameLatin = draft.en;
  if (rng.chance(0.55)) {
    const slug = draft.en
      ? asciiSlug(draft.en.split(' ').slice(0, 3).join(''))
      : `${kind === 'volunteer_team' ? 'team' : 'org'}${g.emails.size + 1}`;
    contact.emails = [makeEmail(g, `${rng.pick(['info', 'contact', 'office', 'admin'])}.${slug}`)];
  }
  return contact;
}

/**
 * `count` synthetic contacts, identical for the same seed. Phones and emails are unique across the result.
 * 100k contacts take a few hundred milliseconds in Node.
 */
export function generateContacts(count: number, seed: number): SyntheticContact[] {
  const g: Generated = { rng: createRng(seed), phones: new Set(), emails: new Set() };
  const out = new Array<SyntheticContact>(count);
  for (let i = 0; i < count; i++) {
    const kind = KIND_TABLE.pick(g.rng);
    out[i] = kind === 'activist' || kind === 'government_focal_point' ? makePerson(g, kind) : makeOrgLike(g, kind);
  }
  return out;
}
