import { searchKey } from '../search/search-key.js';
import { MULTI_VALUE_FIELDS, type ImportField } from './import-fields.js';

/**
 * Header words people put on Iraqi contact sheets, in Arabic and English, per field. Compared by search key, so
 * alef forms, ة/ه, case and punctuation do not matter; numbers are dropped first (Phone 2, رقم الهاتف ٢).
 */
const HEADER_WORDS: Record<Exclude<ImportField, 'ignore'>, string[]> = {
  name: [
    'name',
    'full name',
    'contact name',
    'contact',
    'الاسم',
    'اسم',
    'الاسم الكامل',
    'الاسم الثلاثي',
    'الاسم الرباعي',
    'الاسم الثلاثي واللقب',
    'الاسم الرباعي واللقب',
    'اسم الشخص',
    'الاسم بالعربي',
    'الاسم بالعربية',
  ],
  nameLatin: [
    'name en',
    'english name',
    'name english',
    'name in english',
    'latin name',
    'name latin',
    'الاسم بالانكليزي',
    'الاسم بالانجليزي',
    'الاسم بالانكليزية',
    'الاسم بالانجليزية',
    'الاسم الانكليزي',
    'الاسم الانجليزي',
  ],
  nameKu: ['kurdish name', 'name ku', 'name kurdish', 'الاسم بالكردي', 'الاسم بالكردية', 'ناو'],
  nameFirst: ['first name', 'given name', 'first', 'الاسم الاول', 'الاسم الأول'],
  nameFather: ['father name', 'fathers name', 'father', 'اسم الاب', 'اسم الأب', 'الاب'],
  nameGrandfather: ['grandfather name', 'grandfathers name', 'grandfather', 'اسم الجد', 'الجد'],
  nameFamily: ['family name', 'last name', 'surname', 'family', 'اللقب', 'الكنية', 'العشيرة', 'اسم العائلة', 'العائلة'],
  kind: ['kind', 'type', 'category', 'contact type', 'النوع', 'الصنف', 'الفئة', 'نوع الجهة', 'التصنيف'],
  subtype: ['subtype', 'organization type', 'organisation type', 'org type', 'نوع المنظمة', 'نوع المؤسسة'],
  gender: ['gender', 'sex', 'الجنس', 'الجندر', 'النوع الاجتماعي'],
  governorates: ['governorate', 'governorates', 'province', 'governorate code', 'المحافظة', 'المحافظات', 'محافظة'],
  phones: [
    'phone',
    'phones',
    'mobile',
    'mobile number',
    'phone number',
    'tel',
    'telephone',
    'whatsapp',
    'cell',
    'الهاتف',
    'هاتف',
    'رقم الهاتف',
    'الموبايل',
    'موبايل',
    'رقم الموبايل',
    'الجوال',
    'رقم الجوال',
    'واتساب',
    'تلفون',
    'رقم التلفون',
  ],
  emails: ['email', 'e mail', 'emails', 'mail', 'email address', 'البريد الالكتروني', 'البريد', 'الايميل', 'ايميل', 'بريد الكتروني'],
  organization: [
    'organization',
    'organisation',
    'org',
    'ngo',
    'employer',
    'organization name',
    'organisation name',
    'institution',
    'المنظمة',
    'اسم المنظمة',
    'الجهة',
    'المؤسسة',
    'جهة العمل',
    'الدائرة',
    'مكان العمل',
  ],
  title: ['title', 'job title', 'position', 'role', 'job', 'المنصب', 'الوظيفة', 'العنوان الوظيفي', 'الصفة', 'المسمى الوظيفي'],
  tags: ['tags', 'tag', 'labels', 'keywords', 'الوسوم', 'وسوم', 'التصنيفات', 'كلمات مفتاحية'],
  notes: ['notes', 'note', 'comments', 'comment', 'remarks', 'ملاحظات', 'ملاحظة', 'الملاحظات'],
  source: ['source', 'المصدر', 'مصدر'],
};

const headerKey = (text: string) => searchKey(text.replace(/[0-9\u0660-\u0669\u06F0-\u06F9]+/g, ' '));

const FIELD_BY_KEY = new Map<string, ImportField>();
for (const [field, words] of Object.entries(HEADER_WORDS) as [ImportField, string[]][]) {
  for (const word of words) if (!FIELD_BY_KEY.has(headerKey(word))) FIELD_BY_KEY.set(headerKey(word), field);
}

/** The field a header names, or 'ignore' when it is not recognised. */
export function guessField(header: string): ImportField {
  const key = headerKey(header);
  if (!key) return 'ignore';
  const exact = FIELD_BY_KEY.get(key);
  if (exact) return exact;
  // "Mobile (Iraq)", "رقم الهاتف الشخصي": the longest known phrase the header starts with.
  let best: { field: ImportField; length: number } | null = null;
  for (const [phrase, field] of FIELD_BY_KEY) {
    if ((key.startsWith(`${phrase} `) || key.endsWith(` ${phrase}`)) && phrase.length > (best?.length ?? 0)) {
      best = { field, length: phrase.length };
    }
  }
  return best?.field ?? 'ignore';
}

/** A field per header; a single-valued field goes to its first column only, later ones are ignored. */
export function guessMapping(headers: readonly string[]): ImportField[] {
  const taken = new Set<ImportField>();
  return headers.map((header) => {
    const field = guessField(header);
    if (field === 'ignore') return field;
    if (!MULTI_VALUE_FIELDS.includes(field) && taken.has(field)) return 'ignore';
    taken.add(field);
    return field;
  });
}
