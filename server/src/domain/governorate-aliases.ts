/**
 * Governorates as people write them: the one table of other names (full and short forms, the capital standing for
 * its governorate, Kurdish and Latin spellings) and the one function that reads a governorate from free text. Imports,
 * filters and the walk-in form all resolve through resolveGovernorate, so a name accepted in one is accepted in all.
 * Pure: no Node or DB imports, shared with the web app.
 */
import { GOVERNORATES, findGovernorate, type Governorate } from './governorates.js';
import { editDistances } from './search/name-match.js';
import { searchKey } from './search/search-key.js';

/**
 * Other names per governorate, besides the Arabic, English and Kurdish names of the governorate table. Hamza or none,
 * ة or ه, ى or ي, the article (ال, al-, an-, as- …), diacritics and Latin accents need no entry of their own: every
 * name is compared by its search key, with and without the article, with and without spaces. A capital is listed
 * where, in a governorate column, it can only mean its governorate (الرمادي for الأنبار, الموصل for نينوى …).
 */
export const GOVERNORATE_ALIASES: Readonly<Record<string, readonly string[]>> = {
  'IQ-AN': ['انبار', 'Anbar', 'Al-Anbar', 'الرمادي', 'Ramadi'],
  'IQ-BA': ['Basra', 'Basrah', 'Al-Basrah', 'بصرة'],
  'IQ-MU': ['Muthanna', 'السماوة', 'Samawah', 'Samawa'],
  'IQ-NA': ['النجف الأشرف', 'Najaf al-Ashraf', 'An-Najaf', 'Nejef'],
  'IQ-QA': ['Qadisiyah', 'Qadisiya', 'Qadisiyyah', 'الديوانية', 'Diwaniyah', 'Diwaniya'],
  'IQ-SU': ['Sulaimaniyah', 'Sulaimaniya', 'Suleimaniyah', 'Sulaymaniyya', 'Slemani', 'Silemani', 'Sulaimani', 'Suli', 'السليماني'],
  'IQ-BB': ['Babylon', 'Babel', 'الحلة', 'Hillah', 'Hilla'],
  'IQ-BG': ['Bagdad', 'بغداد العاصمة'],
  'IQ-DA': ['Dohuk', 'Dahuk', 'Dihok', 'Dhok', 'دهۆک'],
  'IQ-DI': ['Diyalah', 'Dyala', 'بعقوبة', 'Baqubah', 'Baquba', 'Baqouba'],
  'IQ-AR': ['اربيل', 'Arbil', 'Irbil', 'Hawler', 'Hewler', 'Hewlêr', 'هولير', 'هەولێر'],
  'IQ-KA': ['كربلاء المقدسة', 'كربلا', 'Kerbala', "Karbala'"],
  'IQ-KI': ['Kerkuk', 'كەركوك', 'التأميم'],
  'IQ-MA': ['Missan', 'Misan', 'العمارة', 'Amarah', 'Amara'],
  'IQ-NI': ['Nineveh', 'Ninawa', 'Ninevah', 'نينوا', 'الموصل', 'Mosul'],
  'IQ-SD': ['Salahuddin', 'Salah ad-Din', 'Salaheddin', 'Salahaddin', 'Saladin', 'تكريت', 'Tikrit'],
  'IQ-DQ': ['ذيقار', 'Thi Qar', 'Dhiqar', 'Thiqar', 'الناصرية', 'Nasiriyah', 'Nasiriya', 'Nasiriyya'],
  'IQ-WA': ['Wassit', 'الكوت', 'Kut'],
  HALABJA: ['Halabjah', 'Helebce', 'Halabcha'],
};

/** Words that say "governorate" around the name: محافظة بغداد, Baghdad Governorate, پارێزگای هەولێر. */
const GOVERNORATE_WORDS = new Set(
  ['محافظة', 'محافظه', 'governorate', 'province', 'muhafazat', 'muhafaza', 'muhafazah', 'of', 'پارێزگای', 'پارێزگا'].map(searchKey),
);
/** Latin articles written apart: al-Anbar, an-Najaf, as-Sulaymaniyah, ad-Din, el-Kut. */
const LATIN_ARTICLES = new Set(['al', 'el', 'an', 'as', 'ad', 'ar', 'at', 'az', 'ash', 'adh', 'ath']);

const withoutArticle = (word: string) => word.replace(/^(ال|al|el)(?=.{3,})/, '');

/** The forms a name is compared in: its key without "governorate" words, with and without articles and spaces. */
function keyVariants(text: string): string[] {
  const words = searchKey(text)
    .split(' ')
    .filter((w) => w && !GOVERNORATE_WORDS.has(w));
  const bare = words.filter((w, i) => !(LATIN_ARTICLES.has(w) && i < words.length - 1)).map(withoutArticle);
  const variants = [words.join(' '), bare.join(' '), words.join(''), bare.join('')];
  return [...new Set(variants.filter(Boolean))];
}

const BY_KEY = new Map<string, string>();
/** Keys two governorates would claim; the test keeps this empty. */
export const ALIAS_CONFLICTS: { key: string; codes: string[] }[] = [];
for (const g of GOVERNORATES) {
  for (const name of [g.nameAr, g.nameEn, g.nameKu, ...(GOVERNORATE_ALIASES[g.code] ?? [])]) {
    for (const key of keyVariants(name)) {
      const owner = BY_KEY.get(key);
      if (owner === undefined) BY_KEY.set(key, g.code);
      else if (owner !== g.code) ALIAS_CONFLICTS.push({ key, codes: [owner, g.code] });
    }
  }
}
const BY_CODE = new Map<string, string>();
for (const g of GOVERNORATES) {
  BY_CODE.set(g.code, g.code);
  if (g.code.startsWith('IQ-')) BY_CODE.set(g.code.slice(3), g.code);
  if (g.pcode) BY_CODE.set(g.pcode, g.code);
}

/**
 * The governorate code a text names — a code (IQ-BG, BG, IQG08, HALABJA) or any name of the alias table, however it
 * is spelt within the search key's folding — or null.
 */
export function resolveGovernorate(text: string): string | null {
  const code = BY_CODE.get(text.trim().toUpperCase());
  if (code) return code;
  for (const key of keyVariants(text)) {
    const found = BY_KEY.get(key);
    if (found) return found;
  }
  return null;
}

/**
 * The governorate an unresolved text most likely meant, for "is not a governorate; did you mean …": the one whose
 * name is fewest typos away, if that is at most a third of the text (so "بغدات" finds Baghdad and "Tokyo" nothing).
 */
export function closestGovernorate(text: string): Governorate | null {
  const typed = keyVariants(text).at(-1);
  if (!typed || typed.length < 3) return null;
  let best: { code: string; distance: number } | null = null;
  for (const [key, code] of BY_KEY) {
    if (key.includes(' ')) continue;
    const { whole } = editDistances(typed, key);
    if (!best || whole < best.distance) best = { code, distance: whole };
  }
  if (!best || best.distance > Math.max(1, Math.floor([...typed].length / 3))) return null;
  return findGovernorate(best.code) ?? null;
}
